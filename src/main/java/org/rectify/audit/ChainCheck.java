package org.rectify.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the chain in seq order, one entry at a time (millions fit: it keeps two hashes, not the chain), and
 * finds the first break. How a break is named:
 * <ul>
 *   <li>a missing seq: that entry was removed;</li>
 *   <li>an entry whose fields no longer give its hash, or whose change no longer gives its digest: altered;</li>
 *   <li>an entry that does not link to its predecessor but to the one before it: the predecessor was inserted;</li>
 *   <li>otherwise a broken link: the predecessor was altered and its hash recomputed to hide it.</li>
 * </ul>
 * Anchors are checked as the walk passes their seq: a rewrite of the whole chain after an anchor still breaks it.
 */
public final class ChainCheck {

    private final Map<Long, List<AuditAnchor>> anchorsBySeq;
    private long expected = 1;
    private String prev = AuditHash.GENESIS;
    private String prevPrev = null;
    private ChainBreak found;

    public ChainCheck(Map<Long, List<AuditAnchor>> anchorsBySeq) {
        this.anchorsBySeq = anchorsBySeq;
    }

    /** Takes the next entry; false once a break is found (the rest need not be read). */
    public boolean accept(AuditEntry e) {
        if (found != null) {
            return false;
        }
        if (e.seq() != expected) {
            found = new ChainBreak(expected, ChainBreak.Kind.REMOVED, null);
            return false;
        }
        if (!e.prevHash().equals(prev)) {
            found = e.prevHash().equals(prevPrev)
                    ? new ChainBreak(e.seq() - 1, ChainBreak.Kind.INSERTED, null)
                    : new ChainBreak(e.seq() - 1, ChainBreak.Kind.ALTERED, null);
            return false;
        }
        if (!AuditHash.sha256(e.change()).equals(e.digest()) || !e.recomputedHash().equals(e.hash())) {
            found = new ChainBreak(e.seq(), ChainBreak.Kind.ALTERED, null);
            return false;
        }
        for (AuditAnchor a : anchorsBySeq.getOrDefault(e.seq(), List.of())) {
            if (!a.hash().equals(e.hash())) {
                found = new ChainBreak(e.seq(), ChainBreak.Kind.ANCHOR_MISMATCH, a.day().toString());
                return false;
            }
        }
        prevPrev = prev;
        prev = e.hash();
        expected++;
        return true;
    }

    /** After the last entry: an anchor beyond the end means entries were removed from the end. */
    public Optional<ChainBreak> finish() {
        if (found == null) {
            long last = expected - 1;
            anchorsBySeq.entrySet().stream()
                    .filter(a -> a.getKey() > last).min(Map.Entry.comparingByKey())
                    .ifPresent(a -> found = new ChainBreak(last + 1, ChainBreak.Kind.ANCHOR_MISSING,
                            a.getValue().get(0).day().toString()));
            anchorsBySeq.getOrDefault(0L, List.of()).stream().filter(a -> !a.hash().equals(AuditHash.GENESIS))
                    .findFirst().ifPresent(a -> found = found != null ? found
                            : new ChainBreak(0, ChainBreak.Kind.ANCHOR_MISMATCH, a.day().toString()));
        }
        return Optional.ofNullable(found);
    }

    /** How many entries held. */
    public long checked() {
        return expected - 1;
    }
}
