package org.rectify.units;

/** The administrative level a unit belongs to. */
public enum UnitLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
}
