package org.rectify.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.platform.EmbeddedDatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier finds what an intruder with the owner's rights did to the chain, and names the entry. */
@IntegrationTest
class AuditTamperTests {

    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditAnchors anchors;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EmbeddedDatabaseServer database;

    DataSource owner() {
        return database.ownerDataSource();
    }

    @BeforeEach
    void a_chain_of_some_length() {
        for (int i = 0; i < 6; i++) {
            int n = i;
            new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(
                    new AuditChainTests.Probe("篡改测试", "probe.tamper", "probe:tamper", "entry " + n)));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_altered_entry_is_named() throws Exception {
        try (ChainTamper tamper = new ChainTamper(owner())) {
            AuditEntry victim = middle(tamper.original());
            tamper.execute("update audit_entry set actor = '无关人员' where seq = ?", victim.seq());

            assertBroken(verifier.verify(), victim.seq(), ChainBreak.Kind.ALTERED);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_entry_altered_and_rehashed_is_named_by_the_next_link() throws Exception {
        try (ChainTamper tamper = new ChainTamper(owner())) {
            AuditEntry v = middle(tamper.original());
            String change = v.change().replace("entry", "rewritten");
            String digest = AuditHash.sha256(change);
            String hash = AuditHash.entry(v.seq(), v.at(), v.actor(), v.action(), v.object(), digest, v.prevHash());
            tamper.execute("update audit_entry set change = ?, digest = ?, hash = ? where seq = ?", change, digest, hash, v.seq());

            assertBroken(verifier.verify(), v.seq(), ChainBreak.Kind.ALTERED);
        }
    }

    @Test
    void a_removed_entry_is_named() throws Exception {
        try (ChainTamper tamper = new ChainTamper(owner())) {
            AuditEntry victim = middle(tamper.original());
            tamper.execute("delete from audit_entry where seq = ?", victim.seq());

            assertBroken(verifier.verify(), victim.seq(), ChainBreak.Kind.REMOVED);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_inserted_entry_is_named_even_with_a_correct_hash() throws Exception {
        try (ChainTamper tamper = new ChainTamper(owner())) {
            List<AuditEntry> chain = tamper.original();
            AuditEntry last = chain.get(chain.size() - 1);
            AuditEntry beforeLast = chain.get(chain.size() - 2);
            // the last entry moves up one place; a forged one, properly hashed, takes its seq
            tamper.execute("update audit_entry set seq = seq + 1 where seq = ?", last.seq());
            String change = "{\"note\":\"backdated\"}";
            String digest = AuditHash.sha256(change);
            tamper.insert(new AuditEntry(last.seq(), last.at(), "伪造者", "task.transitioned", "task:1", change, digest,
                    beforeLast.hash(), AuditHash.entry(last.seq(), last.at(), "伪造者", "task.transitioned", "task:1",
                    digest, beforeLast.hash())));

            assertBroken(verifier.verify(), last.seq(), ChainBreak.Kind.INSERTED);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_rewrite_of_the_whole_chain_after_an_anchor_disagrees_with_the_anchor() throws Exception {
        // the anchor of a day after every entry so far: the head now
        AuditAnchor anchor = anchors.anchor(LocalDate.of(2999, 12, 31));
        assertThat(verifier.verify().anchors()).isPositive();
        try (ChainTamper tamper = new ChainTamper(owner())) {
            List<AuditEntry> chain = tamper.original();
            // every entry from the third-last on rewritten, every hash recomputed: the links all hold
            int from = chain.size() - 3;
            String prev = chain.get(from - 1).hash();
            for (AuditEntry e : chain.subList(from, chain.size())) {
                String hash = AuditHash.entry(e.seq(), e.at(), "改写者", e.action(), e.object(), e.digest(), prev);
                tamper.execute("update audit_entry set actor = '改写者', prev_hash = ?, hash = ? where seq = ?",
                        prev, hash, e.seq());
                prev = hash;
            }

            AuditVerification v = verifier.verify();
            assertBroken(v, anchor.seq(), ChainBreak.Kind.ANCHOR_MISMATCH);
            assertThat(v.firstBreak().anchorDay()).isEqualTo("2999-12-31");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void entries_removed_from_the_end_are_found_by_the_anchor() throws Exception {
        AuditAnchor anchor = anchors.anchor(LocalDate.of(2999, 12, 30));
        try (ChainTamper tamper = new ChainTamper(owner())) {
            tamper.execute("delete from audit_entry where seq >= ?", anchor.seq() - 1);

            assertBroken(verifier.verify(), anchor.seq() - 1, ChainBreak.Kind.ANCHOR_MISSING);
        }
    }

    @Test
    void the_command_exits_0_when_intact_and_1_naming_the_entry_when_broken() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(VerifyAuditCommand.run(verifier, print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsAnyOf("intact", "完整");

        try (ChainTamper tamper = new ChainTamper(owner())) {
            AuditEntry victim = middle(tamper.original());
            tamper.execute("delete from audit_entry where seq = ?", victim.seq());

            assertThat(VerifyAuditCommand.run(verifier, print(out), print(err))).isEqualTo(1);
            // as the restore checks the database it restored: a connection source, no application context
            assertThat(VerifyAuditCommand.check(owner(), print(out), print(err))).isFalse();
            assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("\\b" + victim.seq() + "\\b")
                    .containsAnyOf("removed", "删除");
        }
        assertThat(VerifyAuditCommand.run(verifier, print(out), print(err))).isZero();
        assertThat(VerifyAuditCommand.check(owner(), print(out), print(err))).isTrue();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static AuditEntry middle(List<AuditEntry> chain) {
        return chain.get(chain.size() - 3);
    }

    private static void assertBroken(AuditVerification v, long seq, ChainBreak.Kind kind) {
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBreak().kind()).isEqualTo(kind);
        assertThat(v.firstBreak().seq()).isEqualTo(seq);
    }
}
