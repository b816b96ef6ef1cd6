package org.rectify.platform;

import org.springframework.core.env.Environment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;

/**
 * {@code java -jar rectify.jar backup DIR}: writes the database and the evidence store into DIR (new or empty) as
 * one consistent set with a manifest of hashes and row counts, while the app keeps running. Works on the embedded
 * database of {@code rectify.data-dir} or on {@code SPRING_DATASOURCE_URL}. Exit 0 on success, 2 with a sentence
 * when it cannot.
 */
public final class BackupCommand {

    public static final String NAME = "backup";

    private BackupCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !NAME.equals(args[0]) || args[1].isBlank() || args[1].startsWith("--")) {
            err.println("usage: backup DIR [--rectify.data-dir=DIR] (DIR new or empty)");
            return 2;
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        try {
            Environment settings = CommandDatabase.settings(Arrays.copyOfRange(args, 2, args.length));
            try (CommandDatabase database = CommandDatabase.existing(settings);
                 Connection connection = database.owner().getConnection()) {
                BackupManifest manifest = BackupSet.write(connection, CommandDatabase.evidenceDir(settings), dir);
                long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
                out.println("backup: " + manifest.tables().size() + " tables (" + rows + " rows) and "
                        + manifest.files().size() + " evidence files of schema version " + manifest.schemaVersion()
                        + " written to " + dir + "; the manifest is " + dir.resolve(BackupManifest.FILE));
                return 0;
            }
        } catch (BackupException refused) {
            err.println("backup: " + refused.getMessage());
            return 2;
        } catch (Exception failed) {
            err.println("backup: failed, no complete backup was written: " + failed.getMessage());
            return 1;
        }
    }
}
