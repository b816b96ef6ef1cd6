package org.rectify.progress;

import java.time.LocalDate;

/** One reporting period of a plan: reports for it are due on {@code dueOn}, on time until {@code graceUntil}. */
public record ReportingCycle(long id, long planId, CadenceKind kind, int seq, LocalDate periodStart, LocalDate periodEnd,
                            LocalDate dueOn, LocalDate graceUntil) {

    public boolean hasStartedBy(LocalDate day) {
        return !periodStart.isAfter(day);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
    }
}
