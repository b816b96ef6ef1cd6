package org.rectify.audit;

import java.time.Instant;

/** One link of the chain as stored. {@code change} is the event as canonical JSON; {@code digest} its SHA-256. */
public record AuditEntry(long seq, Instant at, String actor, String action, String object, String change,
                         String digest, String prevHash, String hash) {

    /** The hash this entry's fields give; differs from {@link #hash()} when the entry was altered. */
    public String recomputedHash() {
        return AuditHash.entry(seq, at, actor, action, object, digest, prevHash);
    }
}
