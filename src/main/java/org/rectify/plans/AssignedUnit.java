package org.rectify.plans;

/** A unit on a task, and the group it was named through, if any. */
public record AssignedUnit(long unitId, String unitName, Long groupId, String groupName) {
}
