package org.rectify.progress;

import org.rectify.plans.TaskStatus;

import java.util.List;

/**
 * "Due this cycle" for a unit: for each plan in which units within the caller's unit lead open tasks, the plan's
 * current (or chosen) cycle and each task × lead unit with its report's state; and the tasks the units support.
 */
public record DueList(List<PlanDue> plans) {

    public int outstanding() {
        return (int) plans.stream().flatMap(p -> p.items().stream())
                .filter(i -> i.status().state() != ReportState.SUBMITTED).count();
    }

    /** One plan: its cadence (null when the office has not set one yet: nothing is due) and cycle. */
    public record PlanDue(long planId, String planTitle, ReportingCadence cadence, ReportingCycle cycle,
                          List<ReportingCycle> cycles, List<Item> items, List<Support> supporting) {
    }

    /** A task a unit leads, and its report in the cycle. */
    public record Item(long taskId, String taskRef, String taskTitle, TaskStatus taskStatus, long unitId, String unitName,
                       String groupName, SlotStatus status, int contributions) {
    }

    /** A task a unit supports, and how many contributions it made this cycle. */
    public record Support(long taskId, String taskRef, String taskTitle, long unitId, String unitName, int contributions) {
    }
}
