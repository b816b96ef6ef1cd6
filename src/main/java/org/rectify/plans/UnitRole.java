package org.rectify.plans;

/**
 * A unit's part in a task (牵头 / 配合): a LEAD unit reports on it every cycle, a SUPPORTING unit contributes to the
 * lead unit's report. Stored in {@code task_unit.role}, mapped by jOOQ's enum converter.
 */
public enum UnitRole {
    LEAD, SUPPORTING
}
