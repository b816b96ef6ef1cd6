package org.rectify.units;

/** A unit took a new name (机构改革); the old one stays an alias, so plans written before still resolve. */
public record UnitRenamed(long unitId, String oldName, String newName) {
}
