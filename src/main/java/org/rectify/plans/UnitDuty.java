package org.rectify.plans;

/**
 * A unit's part in a task: a LEAD unit reports on it every cycle, a SUPPORTING unit contributes to the lead unit's
 * report. One per task and unit; a unit named through a group (各县区政府) has its own duty, with the group named.
 */
public record UnitDuty(long taskId, long planId, String ref, String displayTitle, TaskStatus status,
                       long unitId, String unitName, Long groupId, String groupName, boolean lead) {
}
