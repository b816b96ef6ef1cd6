package org.rectify.units.internal;

import org.rectify.units.Unit;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;

/** What the unit forms post: create (parent, name, level, type, start date) and edit (plus version). */
public class UnitForm {

    private Long parentId;
    private String name;
    private UnitLevel level;
    private UnitType type;
    private String validFrom;
    private int version;

    static UnitForm blank(Long parentId, Unit parent) {
        UnitForm form = new UnitForm();
        form.parentId = parentId;
        if (parent != null) { // a sub-unit is usually of its parent's level
            form.level = parent.level();
        }
        return form;
    }

    static UnitForm of(Unit unit) {
        UnitForm form = new UnitForm();
        form.parentId = unit.parentId();
        form.name = unit.name();
        form.level = unit.level();
        form.type = unit.type();
        form.validFrom = unit.validFrom() == null ? null : unit.validFrom().toString();
        form.version = unit.version();
        return form;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public void setLevel(UnitLevel level) {
        this.level = level;
    }

    public UnitType getType() {
        return type;
    }

    public void setType(UnitType type) {
        this.type = type;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
