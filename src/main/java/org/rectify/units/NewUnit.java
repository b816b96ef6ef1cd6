package org.rectify.units;

import java.time.LocalDate;

/** What it takes to add a unit to the tree; {@code parentId} null makes a root. */
public record NewUnit(Long parentId, String name, UnitLevel level, UnitType type, int sortOrder, LocalDate validFrom) {

    public NewUnit(Long parentId, String name, UnitLevel level, UnitType type) {
        this(parentId, name, level, type, 0, null);
    }
}
