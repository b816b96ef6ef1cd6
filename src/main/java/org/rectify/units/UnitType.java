package org.rectify.units;

/** What kind of organisation a unit is; REGION is the node a city or county hangs its organs under. */
public enum UnitType {
    REGION, PARTY_COMMITTEE, GOVERNMENT, DEPARTMENT, COURT, PROCURATORATE, OFFICE, GROUP
}
