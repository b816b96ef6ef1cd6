package org.rectify.plans;

import java.util.List;

public record LedgerPage(List<TaskSummary> tasks, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
