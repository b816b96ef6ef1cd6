package org.rectify.plans;

import java.util.List;

/** Units given a role on a task: single units, and groups that stand for their members. */
public record UnitAssignment(List<Long> unitIds, List<Long> groupIds) {

    public static final UnitAssignment NONE = new UnitAssignment(List.of(), List.of());

    public UnitAssignment {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    public boolean isEmpty() {
        return unitIds.isEmpty() && groupIds.isEmpty();
    }
}
