package org.rectify.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain check alone, on chains made in memory: what it calls each kind of break, and where. */
class ChainCheckTests {

    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    @Test
    void an_untouched_chain_holds_and_counts_its_entries() {
        assertThat(check(chain(5), Map.of())).isEmpty();
    }

    @Test
    void an_empty_chain_holds_and_an_anchor_of_it_is_the_genesis() {
        assertThat(check(List.of(), Map.of(0L, List.of(anchor(0, AuditHash.GENESIS))))).isEmpty();
    }

    @Test
    void a_changed_field_breaks_that_entry() {
        List<AuditEntry> c = chain(5);
        AuditEntry e = c.get(2);
        c.set(2, new AuditEntry(e.seq(), e.at().minusSeconds(86_400), e.actor(), e.action(), e.object(), e.change(),
                e.digest(), e.prevHash(), e.hash())); // backdated by a day
        assertThat(check(c, Map.of())).contains(new ChainBreak(3, ChainBreak.Kind.ALTERED, null));
    }

    @Test
    void a_changed_change_breaks_its_digest() {
        List<AuditEntry> c = chain(5);
        AuditEntry e = c.get(1);
        c.set(1, new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.object(), "{\"reason\":\"改过\"}",
                e.digest(), e.prevHash(), e.hash()));
        assertThat(check(c, Map.of())).contains(new ChainBreak(2, ChainBreak.Kind.ALTERED, null));
    }

    @Test
    void a_missing_entry_is_named_removed() {
        List<AuditEntry> c = chain(5);
        c.remove(3);
        assertThat(check(c, Map.of())).contains(new ChainBreak(4, ChainBreak.Kind.REMOVED, null));
    }

    @Test
    void an_entry_whose_successor_skips_it_is_named_inserted() {
        List<AuditEntry> c = chain(4);
        AuditEntry last = c.get(3);
        AuditEntry forged = entry(4, "伪造", c.get(2).hash());
        c.set(3, forged);
        c.add(new AuditEntry(5, last.at(), last.actor(), last.action(), last.object(), last.change(), last.digest(),
                last.prevHash(), last.hash()));
        assertThat(check(c, Map.of())).contains(new ChainBreak(4, ChainBreak.Kind.INSERTED, null));
    }

    @Test
    void a_rewritten_chain_holds_in_itself_but_not_against_an_earlier_anchor() {
        List<AuditEntry> original = chain(5);
        List<AuditEntry> rewritten = new ArrayList<>(original.subList(0, 2));
        String prev = original.get(1).hash();
        for (int seq = 3; seq <= 5; seq++) {
            AuditEntry e = entry(seq, "改写者", prev);
            rewritten.add(e);
            prev = e.hash();
        }
        assertThat(check(rewritten, Map.of())).isEmpty();
        Map<Long, List<AuditAnchor>> anchors = Map.of(4L, List.of(anchor(4, original.get(3).hash())));
        assertThat(check(rewritten, anchors)).contains(new ChainBreak(4, ChainBreak.Kind.ANCHOR_MISMATCH, "2026-05-01"));
        assertThat(check(original, anchors)).isEmpty();
    }

    @Test
    void an_anchor_beyond_the_end_means_entries_were_cut_off() {
        List<AuditEntry> c = chain(5);
        Map<Long, List<AuditAnchor>> anchors = Map.of(5L, List.of(anchor(5, c.get(4).hash())));
        assertThat(check(c.subList(0, 3), anchors)).contains(new ChainBreak(4, ChainBreak.Kind.ANCHOR_MISSING, "2026-05-01"));
    }

    private static Optional<ChainBreak> check(List<AuditEntry> entries, Map<Long, List<AuditAnchor>> anchors) {
        ChainCheck check = new ChainCheck(anchors);
        for (AuditEntry e : entries) {
            if (!check.accept(e)) {
                break;
            }
        }
        return check.finish();
    }

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditEntry e = entry(seq, "张三（市环境保护局）", prev);
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    private static AuditEntry entry(long seq, String actor, String prev) {
        Instant at = T0.plusSeconds(seq);
        String change = "{\"reason\":\"第" + seq + "条\"}";
        String digest = AuditHash.sha256(change);
        return new AuditEntry(seq, at, actor, "task.transitioned", "task:" + seq, change, digest, prev,
                AuditHash.entry(seq, at, actor, "task.transitioned", "task:" + seq, digest, prev));
    }

    private static AuditAnchor anchor(long seq, String hash) {
        return new AuditAnchor(LocalDate.of(2026, 5, 1), seq, hash, T0);
    }
}
