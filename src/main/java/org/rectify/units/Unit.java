package org.rectify.units;

import java.time.LocalDate;

/**
 * One organisation in the tree. {@code path} is the materialised path of ids ({@code /1/4/17/}):
 * a unit's subtree is every unit whose path starts with it.
 */
public record Unit(long id, Long parentId, String name, UnitLevel level, UnitType type, String path,
                   LocalDate validFrom, LocalDate validTo, int version) {

    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }

    public boolean isCurrent() {
        return validTo == null;
    }

    /** Depth in the tree, 0 for a root; used to indent the tree on screen. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
