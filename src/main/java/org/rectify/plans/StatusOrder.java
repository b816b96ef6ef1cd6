package org.rectify.plans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger sorted by status: the statuses in their lifecycle order ({@link TaskStatus}'s, not their codes' alphabet),
 * each status's tasks in plan order; descending, the whole list reversed. A page of some statuses (or all) spans the
 * end of one status and the start of the next; from the scope's tasks by status it is the part of each status it spans,
 * each then read as a page of that status in plan order is (walking the plans where that pays, {@link PlanOrderWalk}).
 * Sorted by the status column itself, every task of the scope was collected and sorted for each page (1,000,000 tasks:
 * the province's 0.3-0.9 s, a city's 180-220 ms; issue 14).
 *
 * @param byStatus the scope's tasks by status
 */
record StatusOrder(Map<TaskStatus, Long> byStatus) {

    /** {@code limit} tasks of the status from its {@code offset}-th, in plan order. */
    record Part(TaskStatus status, long offset, int limit) {
    }

    /** The scope's tasks in these statuses (none: every status). */
    long total(Set<TaskStatus> statuses) {
        return total(byStatus, statuses);
    }

    /** Of these tasks by status, those in these statuses (none: every status). */
    static long total(Map<TaskStatus, Long> byStatus, Set<TaskStatus> statuses) {
        return asked(statuses).stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
    }

    /** The parts of the statuses that the page of {@code size} tasks from the {@code offset}-th spans, in the page's order. */
    List<Part> parts(Set<TaskStatus> statuses, boolean descending, long offset, int size) {
        List<TaskStatus> order = asked(statuses);
        if (descending) {
            Collections.reverse(order);
        }
        List<Part> parts = new ArrayList<>();
        long start = 0; // where the status's tasks start in the whole list
        for (TaskStatus status : order) {
            long end = start + byStatus.getOrDefault(status, 0L);
            long from = Math.max(offset, start);
            long to = Math.min(offset + size, end);
            if (from < to) {
                parts.add(new Part(status, from - start, (int) (to - from)));
            }
            start = end;
        }
        return parts;
    }

    private static List<TaskStatus> asked(Set<TaskStatus> statuses) {
        return new ArrayList<>(Arrays.stream(TaskStatus.values()).filter(s -> statuses.isEmpty() || statuses.contains(s)).toList());
    }
}
