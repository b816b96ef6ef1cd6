package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;

/**
 * A circular was published with its number: it goes out to the units under the publishing office's unit
 * ({@code issuerUnitId}), and the portal may show it.
 */
public record CircularPublished(long circularId, String number, String title, long issuerUnitId, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "circular.published";
    }

    @Override
    public String auditObject() {
        return "circular:" + circularId;
    }
}
