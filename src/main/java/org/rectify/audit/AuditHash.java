package org.rectify.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hashes of the chain. An entry's hash covers seq, time, actor, action, object, digest and the previous
 * hash, each written as {@code length:value;} so no two different entries hash the same text. Anyone can
 * recompute it from an exported entry with these rules.
 */
public final class AuditHash {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String entry(long seq, Instant at, String actor, String action, String object, String digest,
                               String prevHash) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[]{Long.toString(seq), at.toString(), actor, action, object, digest, prevHash}) {
            text.append(field.length()).append(':').append(field).append(';');
        }
        return sha256(text.toString());
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) { // every Java has SHA-256
            throw new IllegalStateException(impossible);
        }
    }
}
