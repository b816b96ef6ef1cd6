package org.rectify.units.internal;

import org.rectify.units.Unit;

import java.util.List;

/** One line of the unit tree page: the unit, its other names, the groups it is a member of. */
public record UnitRow(Unit unit, List<String> aliases, List<String> groups, boolean match) {
}
