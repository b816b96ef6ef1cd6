package org.rectify.platform;

import org.flywaydb.core.Flyway;
import org.springframework.core.env.Environment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code java -jar rectify.jar restore DIR}: verifies the backup set in DIR against its manifest first, then brings
 * it back into an EMPTY data directory (a new embedded database) or an empty {@code SPRING_DATASOURCE_URL} database:
 * the migrations up to the backup's schema version, every table's rows, the sequences, the evidence files. Then the
 * {@link RestoreCheck} (verify-audit). A non-empty target is refused with a sentence. Exit 0, 1 failed, 2 refused.
 */
public final class RestoreCommand {

    public static final String NAME = "restore";

    private RestoreCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, RestoreCheck check) {
        if (args.length < 2 || !NAME.equals(args[0]) || args[1].isBlank() || args[1].startsWith("--")) {
            err.println("usage: restore DIR [--rectify.data-dir=EMPTY_DIR]");
            return 2;
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        try {
            BackupManifest manifest = BackupSet.verify(dir);
            out.println("restore: the backup in " + dir + " matches its manifest (" + manifest.tables().size()
                    + " tables, " + manifest.files().size() + " evidence files, made " + manifest.made() + ")");
            Environment settings = CommandDatabase.settings(Arrays.copyOfRange(args, 2, args.length));
            Path evidence = CommandDatabase.evidenceDir(settings);
            BackupSet.requireEmpty(evidence, "The evidence directory " + evidence + " is not empty; restore only into an empty one.");
            try (CommandDatabase database = CommandDatabase.fresh(settings)) {
                try (Connection owner = database.owner().getConnection()) {
                    if (!BackupSet.names(owner, "r").isEmpty()) {
                        throw new BackupException("The database already holds tables. A restore goes only into an empty "
                                + "database, so no installation is ever overwritten.");
                    }
                }
                Flyway flyway = Flyway.configure().dataSource(database.owner()).locations("classpath:db/migration")
                        .placeholders(Map.of("app_role", database.applicationRole()))
                        .target(manifest.schemaVersion()).load();
                if (flyway.info().all().length == 0 || Arrays.stream(flyway.info().all())
                        .noneMatch(m -> m.getVersion() != null && m.getVersion().getVersion().equals(manifest.schemaVersion()))) {
                    throw new BackupException("The backup comes from schema version " + manifest.schemaVersion()
                            + ", which this version of rectify does not know: restore it with the version that made it or a newer one.");
                }
                flyway.migrate();
                try (Connection owner = database.owner().getConnection()) {
                    BackupSet.load(owner, manifest, dir, evidence);
                }
                // after the merge: verify-audit recomputes the restored audit chain here
                if (!check.check(database.owner(), out, err)) {
                    err.println("restore: the restored data did not pass its check; do not start the app on it.");
                    return 1;
                }
            }
            out.println("restore: done. Start the app on it as usual; it migrates the schema to this version if needed.");
            return 0;
        } catch (BackupException refused) {
            err.println("restore: " + refused.getMessage());
            return 2;
        } catch (Exception failed) {
            err.println("restore: failed: " + failed.getMessage());
            return 1;
        }
    }
}
