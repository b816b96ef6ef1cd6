package org.rectify.units;

import java.util.List;

/** A phrase that stands for many units (各县区党委 = the 8 county party committees). */
public record UnitGroup(long id, String name, String description, List<Long> memberIds) {
}
