package org.rectify.progress;

import org.rectify.SlowTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectify.IntegrationTest;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.progress.internal.FileSystemEvidenceStore;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.progress.internal.db.Tables.EVIDENCE;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.progress.ProgressFixture.content;

/**
 * Uploads and submissions killed midway: nothing half-written is ever in use, no row points at a missing file, and
 * the clean-up removes what was left behind.
 */
@IntegrationTest
class EvidenceCrashTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    EvidenceStore store;
    @Autowired
    Evidences evidences;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    @Test
    void an_upload_interrupted_midway_leaves_no_file_and_no_row() {
        int rows = db.fetchCount(EVIDENCE);
        assertThatThrownBy(() -> store.stage(failingAfter(3 * 1024 * 1024), "中断.pdf"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("interrupted");
        assertThat(staged(store)).isEmpty();
        assertThat(db.fetchCount(EVIDENCE)).isEqualTo(rows);
    }

    @Test
    void a_submission_whose_connection_drops_midway_through_its_file_stores_no_report_and_no_file() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        int rows = db.fetchCount(EVIDENCE);
        String boundary = "----rectify" + System.nanoTime();
        String json = "{\"taskId\": %d, \"cycleId\": %d, \"content\": %s, \"submit\": true}"
                .formatted(task, plan.currentCycle, content("上传中断"));
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/progress/reports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString("epb-staff:rectify-demo".getBytes()) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + (40L * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(start);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 32; i++) { // 2 MB of the 40 announced, then the connection drops
                out.write(chunk);
            }
            out.flush();
            // the client stops sending midway; the server's answer, or its closing the connection, means it has given
            // the request up (and rolled back and cleaned up what it had begun)
            socket.shutdownOutput();
            socket.setSoTimeout(60_000);
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .as("no success for half a request").doesNotStartWith("HTTP/1.1 2");
        }
        assertThat(db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.eq(task))).isZero();
        assertThat(db.fetchCount(EVIDENCE)).isEqualTo(rows);
        assertThat(staged(store)).isEmpty();
        // and the same upload, whole, goes through
        plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("重新上传"), true, ProgressFixture.pdf("big.pdf"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
    }

    @SlowTest
    @Test
    void a_process_killed_while_writing_leaves_only_a_staging_leftover_which_the_clean_up_removes(@TempDir Path dir)
            throws Exception {
        Process upload = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StagingProcess.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("process.log").toFile()).start();
        try {
            Path staging = dir.resolve("tmp");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (largestStaged(staging) < 1024 * 1024 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(largestStaged(staging)).as("the upload is under way (%s)", Files.readString(dir.resolve("process.log")))
                    .isGreaterThanOrEqualTo(1024 * 1024);
        } finally {
            upload.destroyForcibly(); // kill -9 in the middle of the upload
            upload.waitFor(10, TimeUnit.SECONDS);
        }
        FileSystemEvidenceStore after = new FileSystemEvidenceStore(dir, 1024, Clock.systemUTC());
        assertThat(staged(after)).as("the half-written upload is left in staging, never under a content name").hasSize(1);
        try (var stored = after.keysWrittenBefore(Instant.now().plusSeconds(60))) {
            assertThat(stored).isEmpty();
        }
        // a young leftover may belong to an upload in progress: kept; an old one is removed
        assertThat(after.deleteStagedBefore(Instant.now().minus(Duration.ofHours(1)))).isZero();
        assertThat(after.deleteStagedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(staged(after)).isEmpty();
    }

    @Test
    void a_submission_that_fails_after_its_file_was_kept_leaves_an_orphan_which_the_clean_up_removes() throws Exception {
        byte[] orphanBytes = ("%PDF-1.4\n% orphan " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        byte[] keptBytes = ("%PDF-1.4\n% kept " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        StagedFile orphan = store.stage(new ByteArrayInputStream(orphanBytes), "孤儿.pdf");
        StagedFile kept = store.stage(new ByteArrayInputStream(keptBytes), "保留.pdf");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            evidences.record(orphan, someone());
            throw new IllegalStateException("crash before the report's rows are written");
        })).hasMessageContaining("crash");
        EvidenceFile recorded = transaction.execute(status -> evidences.record(kept, someone()));
        String orphanKey = EvidenceStore.keyOf(orphan.sha256());
        String keptKey = EvidenceStore.keyOf(kept.sha256());
        assertThat(store.contains(orphanKey)).as("the file was kept before the transaction failed").isTrue();
        assertThat(db.fetchCount(EVIDENCE, EVIDENCE.SHA256.eq(orphan.sha256()))).isZero();

        assertThat(evidences.cleanUp(Evidences.CLEAN_UP_AFTER).orphansRemoved()).as("too young to be sure").isZero();
        assertThat(store.contains(orphanKey)).isTrue();
        Evidences.CleanUp cleanUp = evidences.cleanUp(Duration.ZERO);
        assertThat(cleanUp.orphansRemoved()).isGreaterThanOrEqualTo(1);
        assertThat(store.contains(orphanKey)).isFalse();
        assertThat(store.contains(keptKey)).as("a file a row references stays").isTrue();
        try (InputStream in = evidences.open(recorded.id())) {
            assertThat(in.readAllBytes()).isEqualTo(keptBytes);
        }
    }

    private static Caller someone() {
        return new Caller(0, "test", "测试", 0, "测试", Role.ADMIN, DataScope.ALL);
    }

    /** A source that delivers PDF bytes and then breaks, as a dropped connection does. */
    static InputStream failingAfter(long bytes) {
        return new InputStream() {
            private long sent;

            @Override
            public int read() throws IOException {
                if (sent >= bytes) {
                    throw new IOException("connection reset by peer");
                }
                return sent++ < 5 ? "%PDF-".charAt((int) sent - 1) : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= bytes) {
                    throw new IOException("connection reset by peer");
                }
                int n = (int) Math.min(len, bytes - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private static List<Path> staged(EvidenceStore store) {
        try (var files = Files.list(((FileSystemEvidenceStore) store).staging())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long largestStaged(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (var files = Files.list(staging)) {
            return files.mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
    }
}
