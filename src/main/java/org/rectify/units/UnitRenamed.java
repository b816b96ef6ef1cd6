package org.rectify.units;

import org.rectify.platform.Audited;

/** A unit took a new name (机构改革); the old one stays an alias, so plans written before still resolve. */
public record UnitRenamed(long unitId, String oldName, String newName) implements Audited {

    /** Units know no caller (access depends on units): the audit chain names the signed-in account. */
    @Override
    public String actor() {
        return null;
    }


    @Override
    public String auditAction() {
        return "unit.renamed";
    }

    @Override
    public String auditObject() {
        return "unit:" + unitId;
    }
}
