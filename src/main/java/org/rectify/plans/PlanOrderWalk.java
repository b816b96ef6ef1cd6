package org.rectify.plans;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a page of a scope's ledger in plan order (all its tasks, or those of some statuses) is read sooner by walking
 * the plans the scope sees in their order, testing each task's reach on its row, than by collecting every task of the
 * scope by the reach's index and sorting them. PostgreSQL collects: it takes the scope's share of each plan for its
 * share of the province, so a county's 6,223 tasks at 1,000,000, all in one plan of 47,619, were read and sorted for
 * every page of 50 (issue 14). The walk reads about the page's end over the scope's share of each plan it passes; the
 * collection, every task of the scope. Both list the same tasks: the choice is only which is fewer rows.
 *
 * @param plans    the plans the scope sees, in ascending plan order, with the scope's share of each
 * @param byStatus the scope's tasks by status: the part of them a page's statuses ask for, taken as the same in every plan
 */
record PlanOrderWalk(List<PlanShare> plans, Map<TaskStatus, Long> byStatus) {

    /** Of a plan's {@code all} tasks, the {@code seen} that the scope sees ({@code seen > 0}). */
    record PlanShare(long planId, long seen, long all) {
    }

    /** Whether walking to the end of the page ({@code offset + size} tasks in) reads no more tasks than collecting. */
    boolean pays(long offset, int size, boolean descending, Set<TaskStatus> statuses) {
        long all = StatusOrder.total(byStatus, Set.of());
        long asked = StatusOrder.total(byStatus, statuses);
        if (asked == 0) {
            return false; // nothing to find: the walk would pass every plan
        }
        double share = (double) asked / all;
        long collected = plans.stream().mapToLong(PlanShare::seen).sum();
        double needed = offset + size;
        double walked = 0;
        for (int i = 0; i < plans.size(); i++) {
            PlanShare plan = plans.get(descending ? plans.size() - 1 - i : i);
            double found = plan.seen() * share;
            if (needed <= found) {
                walked += needed * plan.all() / found;
                break;
            }
            walked += plan.all();
            needed -= found;
        }
        return walked <= collected;
    }

    /**
     * Whether a page that collects the scope's tasks of these statuses (rather than walk) also reads them by the
     * statuses' index. PostgreSQL ANDs that bitmap with the reach's whenever the statuses look selective, and it holds
     * each task of theirs in the province: at 1,000,000 tasks a department's 158 assigned tasks of 1,262 took 52 ms
     * beside the province's 119,715 assigned ones, 3 ms with the status tested on the department's rows. An entry of
     * the bitmap costs about a sixth of a row read and tested, so it pays while the statuses' tasks in the province are
     * no more than six times the scope's.
     *
     * @param province the province's tasks by status
     */
    boolean statusIndexPays(Map<TaskStatus, Long> province, Set<TaskStatus> statuses) {
        return StatusOrder.total(province, statuses) <= 6 * StatusOrder.total(byStatus, Set.of());
    }

    /**
     * Whether a page of a figure of open tasks (a warning level, a schedule status) walks the figure's entries in their
     * order, plan order or by deadline, testing the scope among its open tasks, rather than collect the scope's open
     * tasks with their entries and sort them. Taking the figure as spread alike over the province's open tasks and the
     * scope's, the walk passes the page's end times the province's open tasks over the scope's; a task collected costs
     * about three entries walked, as its row is read too (at 1,000,000 tasks a county's 4,222 open tasks were collected
     * in 48 ms, and 25,661 entries walked for its third page of tasks on schedule in 103 ms).
     *
     * @param province the province's tasks by status
     */
    boolean figureWalkPays(Map<TaskStatus, Long> province, long offset, int size) {
        long open = StatusOrder.total(byStatus, OpenReachRange.OPEN);
        return open > 0 && (offset + size) * (double) StatusOrder.total(province, OpenReachRange.OPEN) / open <= 3.0 * open;
    }
}
