package org.rectify.supervision;

/** A plan's thresholds: blue this many days before a deadline; a report is late after due date + grace. */
public record SupervisionSettings(int blueDays, int reportGraceDays) {

    public static final SupervisionSettings DEFAULT = new SupervisionSettings(15, 5);
}
