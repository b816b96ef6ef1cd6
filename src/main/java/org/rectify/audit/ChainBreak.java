package org.rectify.audit;

/**
 * The first place the chain does not hold: the entry {@code seq} was altered, removed or inserted, or differs
 * from the anchor published for {@code anchorDay}.
 */
public record ChainBreak(long seq, Kind kind, String anchorDay) {

    public enum Kind { ALTERED, REMOVED, INSERTED, ANCHOR_MISMATCH, ANCHOR_MISSING }

    public String messageKey() {
        return "audit.break." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
