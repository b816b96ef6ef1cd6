package org.rectify.progress;

import java.util.List;

/**
 * One page of a due list ({@link DueList} over the API): the plans its items fall in, each as in the whole list but
 * with only the page's items and supported tasks; {@code total} counts the task × lead unit items of every page,
 * {@code supportingTotal} the supported tasks. {@code page} counts from 0.
 */
public record DuePage(List<DueList.PlanDue> plans, int page, int size, int total, int supportingTotal) {

    /** How many pages the items (or the supported tasks, if more) fill; at least 1. */
    public int pages() {
        return Math.max(1, (Math.max(total, supportingTotal) + size - 1) / size);
    }
}
