package org.rectify.units;

import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every unit's aliases and former names as the unit picker searches them ({@code data-aliases} of a unit's option:
 * type 环保 and 市环境保护局 is found by its alias 市环保局). One per request, read at most once: a page may list the tree
 * in many selects (one per account on the accounts page), and nothing is kept between requests.
 */
@Component("unitAliases")
@RequestScope
public class UnitAliases {

    static final String SEPARATOR = "|";

    private final Units units;
    private Map<Long, String> joined;

    UnitAliases(Units units) {
        this.units = units;
    }

    /** Each unit's aliases joined by {@code |}, by unit id (units without aliases are absent). */
    public Map<Long, String> joined() {
        if (joined == null) {
            joined = new LinkedHashMap<>();
            units.aliasesByUnit().forEach((id, aliases) -> joined.put(id, String.join(SEPARATOR, aliases)));
        }
        return joined;
    }
}
