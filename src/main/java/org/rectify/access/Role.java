package org.rectify.access;

/** What an account does here. Every role also has a data scope: the subtree of the account's unit. */
public enum Role {
    /** Runs the platform: units, accounts, everything. */
    ADMIN,
    /** The leading group office (领导小组办公室): plans, tasks, assignments, closures. */
    OFFICE,
    /** The supervision office (督查室): watches and chases. */
    SUPERVISOR,
    /** City and county leaders: read, and give instructions. */
    LEADER,
    /** Head of a responsible unit: approves the unit's reports. */
    UNIT_HEAD,
    /** Staff of a responsible unit: reports progress on the unit's tasks. */
    UNIT_STAFF;

    public boolean managesTasks() {
        return this == ADMIN || this == OFFICE;
    }

    public boolean isUnitRole() {
        return this == UNIT_HEAD || this == UNIT_STAFF;
    }
}
