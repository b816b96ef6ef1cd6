package org.rectify.plans;

import org.rectify.platform.Paged;

import java.util.List;

/**
 * One page of the ledger. {@code total} is exact when {@code totalEstimated} is false; a large set is counted once
 * per filter and kept a while (see {@code LedgerCounts}), so it is "about" that many, and said so.
 */
public record LedgerPage(List<TaskSummary> tasks, long total, boolean totalEstimated, int page, int size) implements Paged {

    /** The total as a reader is told it: exact, or when estimated rounded to two significant digits (61,234: 61,000). */
    public long shownTotal() {
        if (!totalEstimated || total < 100) {
            return total;
        }
        long unit = (long) Math.pow(10, (long) Math.floor(Math.log10(total)) - 1);
        return Math.round((double) total / unit) * unit;
    }
}
