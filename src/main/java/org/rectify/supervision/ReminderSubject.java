package org.rectify.supervision;

/** What a reminder is about. */
public enum ReminderSubject {
    /** A task's milestone or final deadline; after the date only the final deadline is reminded of. */
    DEADLINE,
    /** A lead unit's progress report for a reporting cycle, not yet submitted. */
    REPORT_DUE,
    /** A report waiting for the unit head's approval; reminded of after it has waited. */
    APPROVAL
}
