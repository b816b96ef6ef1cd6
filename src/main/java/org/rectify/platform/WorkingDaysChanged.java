package org.rectify.platform;

import java.time.Instant;

/**
 * The administrator changed the working-day calendar: {@code calendar.day-set} and {@code calendar.day-removed} on
 * {@code calendar-day:2026-10-01}, {@code calendar.year-imported} on {@code calendar-year:2026}.
 */
public record WorkingDaysChanged(String actor, String auditAction, String auditObject, Instant occurredAt)
        implements Audited {
}
