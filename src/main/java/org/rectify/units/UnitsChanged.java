package org.rectify.units;

import org.rectify.platform.Audited;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change to the unit tree, its aliases, groups or people, recorded for the audit chain. {@code change} holds what
 * was set (names to values). Units know no caller (access depends on units): the audit chain names the signed-in
 * account.
 */
public record UnitsChanged(String auditAction, String auditObject, Map<String, Object> change) implements Audited {

    @Override
    public String actor() {
        return null;
    }

    /** {@code change} from name, value pairs; values may be null. */
    static UnitsChanged of(String action, String object, Object... nameValues) {
        Map<String, Object> change = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            change.put((String) nameValues[i], nameValues[i + 1]);
        }
        return new UnitsChanged(action, object, change);
    }
}
