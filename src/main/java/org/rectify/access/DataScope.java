package org.rectify.access;

/**
 * The part of the unit tree whose tasks a caller may see: tasks that a unit whose path starts with
 * {@code unitPath} leads or supports; and, when {@code ownPlans}, also every task of a plan issued by
 * such a unit (the office, supervisors and leaders see their plans whole, drafts without units
 * included). {@link #ALL} (administrators) sees everything. Every query that returns tasks, reports or
 * evidence takes one of these.
 */
public record DataScope(String unitPath, boolean ownPlans) implements java.io.Serializable {

    public static final DataScope ALL = new DataScope(null, true);

    /** What a unit's own staff see: the tasks their unit, or one below it, takes part in. */
    public static DataScope ofUnit(String unitPath) {
        return new DataScope(unitPath, false);
    }

    /** What the office, supervisors and leaders see: all of that, plus the plans their units issued. */
    public static DataScope ofJurisdiction(String unitPath) {
        return new DataScope(unitPath, true);
    }

    public boolean isAll() {
        return unitPath == null;
    }

    public boolean includesUnitAt(String path) {
        return isAll() || path.startsWith(unitPath);
    }
}
