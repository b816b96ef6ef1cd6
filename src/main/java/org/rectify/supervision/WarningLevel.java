package org.rectify.supervision;

/** 预警: blue, a deadline is near; yellow, behind schedule; red, overdue or relapsed. */
public enum WarningLevel {
    NONE, BLUE, YELLOW, RED;

    public boolean isAbove(WarningLevel other) {
        return compareTo(other) > 0;
    }
}
