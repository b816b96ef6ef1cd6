package org.rectify.progress;

import org.rectify.units.Unit;

/**
 * The lead unit a report is written for, as a report needs it: its id, its name (shown with the report) and its path
 * (whose subtree reads and writes the report). Not always read from the units: see {@link ReportAccess#reportingUnit}.
 */
record ReportingUnit(long id, String name, String path) {

    static ReportingUnit of(Unit unit) {
        return new ReportingUnit(unit.id(), unit.name(), unit.path());
    }
}
