package org.rectify.plans;

import java.time.Instant;
import java.util.List;

/**
 * Tasks created together in one command ({@link Tasks#createAll}: a plan published, or a single task), ASSIGNED when
 * {@code assigned}: what is done after the commit about a task's creation, and about its assignment then, is done once
 * for the batch, in one transaction per listener (issue 14: a 2,000-task plan kept 10,000 publications, each a
 * transaction of its own after the commit). Each task's own {@link TaskCreated} and {@link TaskTransitioned} are
 * published too, for the audit chain and what is kept in the command's transaction. Not audited: those are.
 */
public record TasksCreated(long planId, List<Long> taskIds, boolean assigned, String actor, Instant occurredAt) {
}
