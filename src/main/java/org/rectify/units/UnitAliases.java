package org.rectify.units;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every unit's aliases and former names as the unit picker searches them ({@code data-aliases} of a unit's option:
 * type 环保 and 市环境保护局 is found by its alias 市环保局). Read once per request: a page may list the tree in many
 * selects (one per account on the accounts page), and nothing is kept between requests.
 */
@Component("unitAliases")
public class UnitAliases {

    static final String SEPARATOR = "|";
    private static final String MEMO = UnitAliases.class.getName();

    private final Units units;

    UnitAliases(Units units) {
        this.units = units;
    }

    /** Each unit's aliases joined by {@code |}, by unit id (units without aliases are absent). */
    @SuppressWarnings("unchecked")
    public Map<Long, String> joined() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object memo = request == null ? null : request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            Map<Long, String> joined = new LinkedHashMap<>();
            units.aliasesByUnit().forEach((id, aliases) -> joined.put(id, String.join(SEPARATOR, aliases)));
            memo = joined;
            if (request != null) {
                request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return (Map<Long, String>) memo;
    }
}
