package org.rectify.plans;

import org.rectify.platform.Paged;

import java.util.List;

/**
 * One page of the ledger. {@code total} is exact when {@code totalEstimated} is false; a large set is counted once
 * per filter and kept a while (see {@code LedgerCounts}), so it is "about" that many, and said so.
 */
public record LedgerPage(List<TaskSummary> tasks, long total, boolean totalEstimated, int page, int size) implements Paged {
}
