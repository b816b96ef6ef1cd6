package org.rectify.plans;

import java.time.LocalDate;

/** One dated deliverable of a task (节点); {@code phrase} is the plan's wording it came from. */
public record Milestone(LocalDate dueOn, String deliverable, String phrase) {
}
