package org.rectify.generator;

import org.rectify.platform.Audited;

import java.util.Map;

/** A generated province was loaded: the audit chain records it with the row counts. */
public record ProvinceGenerated(long provinceUnitId, String provinceName, long seed, Map<String, Long> rows)
        implements Audited {

    @Override
    public String actor() {
        return "generator";
    }

    @Override
    public String auditAction() {
        return "generator.loaded";
    }

    @Override
    public String auditObject() {
        return "unit:" + provinceUnitId;
    }
}
