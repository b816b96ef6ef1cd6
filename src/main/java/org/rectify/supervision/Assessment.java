package org.rectify.supervision;

import java.util.List;

/** A task's schedule status and warning level on a day, and why. */
public record Assessment(ScheduleStatus scheduleStatus, WarningLevel level, List<WarningReason> reasons) {

    public Assessment {
        reasons = List.copyOf(reasons);
    }

    static Assessment of(ScheduleStatus status, WarningLevel level, WarningReason... reasons) {
        return new Assessment(status, level, List.of(reasons));
    }
}
