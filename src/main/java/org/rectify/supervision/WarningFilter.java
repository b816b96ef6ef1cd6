package org.rectify.supervision;

import java.util.Set;

/** The desk's filters; every field optional. Levels default to those that warn (blue, yellow, red). */
public record WarningFilter(Long planId, String section, Long leadUnitId, Set<WarningLevel> levels) {

    public WarningFilter {
        levels = levels == null || levels.isEmpty()
                ? Set.of(WarningLevel.BLUE, WarningLevel.YELLOW, WarningLevel.RED) : Set.copyOf(levels);
    }
}
