package org.rectify.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * What the office sets for a plan: the kind of cadence, the due day (1–31) and grace days (0–60), whether the unit
 * head must approve, the first day of the first cycle (default: the first day of this month) and, for CUSTOM, the
 * due dates.
 */
public record CadenceSettings(CadenceKind kind, Integer dueDay, Integer graceDays, boolean approvalRequired,
                              LocalDate startsOn, List<LocalDate> customDueDates) {

    public CadenceSettings {
        customDueDates = customDueDates == null ? List.of() : customDueDates.stream()
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }
}
