package org.rectify.audit;

import java.time.Instant;

/** One link of the chain as stored. {@code change} is the event as canonical JSON; {@code digest} its SHA-256. */
public record AuditEntry(long seq, Instant at, String actor, String action, String object, String change,
                         String digest, String prevHash, String hash) {

    /** The actor recorded for the platform's own scheduled work ({@link org.rectify.platform.Audited#actor()}). */
    static final String SYSTEM = "system";

    /** Whether the platform's own scheduled work wrote it, not a person: pages name it 系统（自动）. */
    public boolean bySystem() {
        return isSystem(actor);
    }

    static boolean isSystem(String actor) {
        return SYSTEM.equals(actor);
    }

    /** The hash this entry's fields give; differs from {@link #hash()} when the entry was altered. */
    public String recomputedHash() {
        return AuditHash.entry(seq, at, actor, action, object, digest, prevHash);
    }
}
