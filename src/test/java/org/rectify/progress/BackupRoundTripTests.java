package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectify.IntegrationTest;
import org.rectify.audit.VerifyAuditCommand;
import org.rectify.platform.BackupCommand;
import org.rectify.platform.EmbeddedDatabaseServer;
import org.rectify.platform.RestoreCheck;
import org.rectify.platform.RestoreCommand;
import org.rectify.progress.internal.FileSystemEvidenceStore;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.progress.ProgressFixture.content;
import static org.rectify.progress.ProgressFixture.pdf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code backup DIR} taken from the running application's database and evidence store, {@code restore DIR} into an
 * empty data directory: every table comes back with its rows, every evidence file with its hash; a damaged backup
 * or a non-empty target is refused with a sentence before anything is written.
 */
@IntegrationTest
class BackupRoundTripTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    EmbeddedDatabaseServer server;
    @Autowired
    EvidenceStore store;

    @TempDir
    Path tmp;

    @Test
    void a_backup_taken_while_the_app_runs_comes_back_whole_in_an_empty_data_directory() throws Exception {
        // a submitted report with evidence: its parts are frozen by a trigger, which the restore must get past
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("附备份测试材料"), true,
                pdf("备份测试一.pdf"), pdf("备份测试二.pdf")).andExpect(status().isCreated());

        Path backup = tmp.resolve("backup");
        Run made = backup(backup);
        assertThat(made.code).as(made.err).isZero();
        assertThat(made.out).contains("evidence files", backup.toString());

        Path restoredHome = tmp.resolve("restored");
        AtomicBoolean checked = new AtomicBoolean();
        Run restored = run(out -> RestoreCommand.run(new String[]{"restore", backup.toString(),
                "--rectify.data-dir=" + restoredHome}, out.out, out.err, (owner, o, e) -> {
            checked.set(true); // verify-audit on the restored database, before the restore says it succeeded
            return VerifyAuditCommand.check(owner, o, e);
        }));
        assertThat(restored.code).as(restored.err).isZero();
        assertThat(checked).isTrue();
        assertThat(restored.out).containsAnyOf("intact", "完整");

        Map<String, Long> manifest = manifestRows(backup);
        JdbcTemplate source = new JdbcTemplate(server.ownerDataSource());
        assertThat(manifest.keySet()).containsExactlyInAnyOrderElementsOf(source.queryForList(
                "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' "
                        + "and relname <> 'flyway_schema_history'", String.class));
        assertThat(manifest.get("evidence")).isPositive();
        try (EmbeddedDatabaseServer copy = EmbeddedDatabaseServer.start(restoredHome, false)) {
            JdbcTemplate restoredDb = new JdbcTemplate(copy.ownerDataSource());
            manifest.forEach((table, rows) -> assertThat(count(restoredDb, table)).as(table).isEqualTo(rows));
            // the tables this test wrote to, and the ones nothing else writes to, equal the source's now
            for (String table : List.of("unit", "plan", "task", "progress_report", "report_attachment", "evidence")) {
                assertThat(count(restoredDb, table)).as(table).isEqualTo(count(source, table));
            }
            // every evidence file is back, under its key, with the content its row's hash names
            Path sourceRoot = ((FileSystemEvidenceStore) store).root();
            List<Map<String, Object>> files = restoredDb.queryForList("select distinct storage_key, sha256 from evidence");
            assertThat(files).isNotEmpty();
            for (Map<String, Object> file : files) {
                String key = (String) file.get("storage_key");
                Path back = restoredHome.resolve("evidence").resolve(key);
                assertThat(sha256(back)).as(key).isEqualTo(file.get("sha256")).isEqualTo(sha256(sourceRoot.resolve(key)));
            }
            // the sequences go on after the restored rows: a new row does not collide
            restoredDb.update("insert into unit_group (name) values ('恢复后新建的组')");
            // the application role may use the restored rows
            assertThat(new JdbcTemplate(copy.applicationDataSource()).queryForObject(
                    "select count(*) from progress_report", Long.class)).isEqualTo(manifest.get("progress_report"));
        }
    }

    @Test
    void a_restore_into_a_data_directory_that_is_not_empty_is_refused_with_a_sentence() throws Exception {
        Path backup = tmp.resolve("backup");
        assertThat(backup(backup).code).isZero();
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("something.txt"), "an installation's file");

        Run refused = run(out -> RestoreCommand.run(new String[]{"restore", backup.toString(),
                "--rectify.data-dir=" + used}, out.out, out.err, RestoreCheck.NONE));

        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err).contains("is not empty").contains("only into an empty data directory");
        try (var entries = Files.list(used)) {
            assertThat(entries.toList()).containsExactly(used.resolve("something.txt"));
        }
    }

    @Test
    void a_damaged_backup_is_refused_before_anything_is_restored() throws Exception {
        Path backup = tmp.resolve("backup");
        assertThat(backup(backup).code).isZero();
        Path rows = backup.resolve("db/unit.copy");
        Files.writeString(rows, Files.readString(rows).replaceFirst("临沧", "临仓"));
        Path target = tmp.resolve("target");

        Run refused = run(out -> RestoreCommand.run(new String[]{"restore", backup.toString(),
                "--rectify.data-dir=" + target}, out.out, out.err, RestoreCheck.NONE));

        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err).contains("unit").contains("damaged");
        assertThat(target).doesNotExist();
    }

    @Test
    void a_backup_goes_only_into_a_new_or_empty_directory() throws Exception {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "x");
        Run refused = backup(full);
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.err).contains("not empty");
    }

    private Run backup(Path dir) throws Exception {
        Path evidenceRoot = ((FileSystemEvidenceStore) store).root();
        return run(out -> BackupCommand.run(new String[]{"backup", dir.toString(),
                "--rectify.data-dir=" + server.home(), "--rectify.evidence.dir=" + evidenceRoot}, out.out, out.err));
    }

    private static Map<String, Long> manifestRows(Path backup) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(backup.resolve("manifest.txt"))) {
            String[] f = line.split(" ");
            if (f[0].equals("table")) {
                rows.put(f[1], Long.parseLong(f[2]));
            }
        }
        return rows;
    }

    private static long count(JdbcTemplate db, String table) {
        return db.queryForObject("select count(*) from " + table, Long.class); // names from the catalog
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private record Run(int code, String out, String err) {
    }

    private interface Command {
        int run(Streams streams) throws Exception;
    }

    private record Streams(PrintStream out, PrintStream err) {
    }

    private static Run run(Command command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new Streams(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
