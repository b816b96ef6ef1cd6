package org.rectify.units;

/**
 * What a tree or group import did: rows that made a new unit (or group), rows that changed an existing one
 * (new aliases, members, level, type or start date), and rows that were already so.
 */
public record UnitImportReport(int created, int updated, int unchanged) {

    public int rows() {
        return created + updated + unchanged;
    }

    public boolean changedNothing() {
        return created == 0 && updated == 0;
    }
}
