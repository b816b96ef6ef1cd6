package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A supervision command that other modules need not react to, recorded for the audit chain: settings changed,
 * a circular drafted, edited or deleted, a task put on or taken off the ledger, an accountability action recorded.
 * {@code change} holds what was set (names to values).
 */
public record SupervisionChanged(String actor, String auditAction, String auditObject, Map<String, Object> change,
                                 Instant occurredAt) implements Audited {

    /** {@code change} from name, value pairs; values may be null. */
    static SupervisionChanged of(String actor, String action, String object, Instant at, Object... nameValues) {
        Map<String, Object> change = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            change.put((String) nameValues[i], nameValues[i + 1]);
        }
        return new SupervisionChanged(actor, action, object, change, at);
    }
}
