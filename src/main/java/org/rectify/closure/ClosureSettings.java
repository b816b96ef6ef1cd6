package org.rectify.closure;

import org.rectify.platform.WorkingCalendar.DayCount;

import java.util.List;

/**
 * A plan's closure rules: the conditions every application answers (default the five of the design), whether the
 * unit head signs off first, who approves, and how long the public notice lasts, in calendar or working days.
 */
public record ClosureSettings(List<String> conditions, boolean headSignOff, ClosureApprover approver, int noticeDays,
                              DayCount noticeDayCount) {

    public static final List<String> DEFAULT_CONDITIONS = List.of(
            "整改措施已全部落实", "涉及的违法违规问题已依法查处", "整改效果达到整改目标和有关标准",
            "已举一反三，同类问题一并整改", "已建立长效机制");

    public static ClosureSettings defaults() {
        return new ClosureSettings(DEFAULT_CONDITIONS, false, ClosureApprover.OFFICE, 7, DayCount.CALENDAR_DAYS);
    }
}
