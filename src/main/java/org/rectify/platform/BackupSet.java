package org.rectify.platform;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.Utils;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * A backup set on disk: every table's rows (PostgreSQL's COPY text format, one file a table), taken in ONE
 * repeatable-read snapshot while the app keeps running, and the evidence files those rows name, copied after the
 * snapshot (evidence is content-addressed and never changed or removed once referenced, so the copy is consistent
 * with the rows). The manifest, with hashes and row counts, is written last: a set without one is incomplete.
 */
final class BackupSet {

    static final String SCHEMA_HISTORY = "flyway_schema_history";

    private BackupSet() {
    }

    static BackupManifest write(Connection connection, Path evidenceRoot, Path dir) throws IOException, SQLException {
        requireEmpty(dir, "A backup goes into a new or empty directory; " + dir + " is not empty.");
        Files.createDirectories(dir.resolve("db"));
        List<BackupManifest.Table> tables = new ArrayList<>();
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        List<BackupManifest.EvidenceCopy> files = new ArrayList<>();
        String schema;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            schema = schemaVersion(connection);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : names(connection, "r")) {
                String path = "db/" + table + ".copy";
                MessageDigest md = BackupManifest.sha256();
                LineCounter lines;
                try (OutputStream out = lines = new LineCounter(new DigestOutputStream(
                        Files.newOutputStream(dir.resolve(path)), md))) {
                    copy.copyOut("copy " + quoted(table) + " to stdout", out);
                }
                tables.add(new BackupManifest.Table(table, lines.count, BackupManifest.hex(md.digest()), path));
            }
            for (String sequence : names(connection, "S")) {
                try (Statement sql = connection.createStatement();
                     ResultSet row = sql.executeQuery("select last_value, is_called from " + quoted(sequence))) {
                    row.next();
                    sequences.add(new BackupManifest.Sequence(sequence, row.getLong(1), row.getBoolean(2)));
                }
            }
            // by name, not the generated classes: the shared platform module stays independent of the schema module
            var storageKey = field(name("storage_key"), String.class);
            DSL.using(connection, SQLDialect.POSTGRES).selectDistinct(storageKey, field(name("sha256"), String.class), field(name("size_bytes"), Long.class))
                    .from(table(name("evidence"))).orderBy(storageKey)
                    .forEach(r -> files.add(new BackupManifest.EvidenceCopy(r.value1(), r.value2(), r.value3())));
            connection.commit();
        } finally {
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        }
        for (BackupManifest.EvidenceCopy file : files) {
            Path source = inside(evidenceRoot, file.storageKey());
            Path target = inside(dir.resolve("evidence"), file.storageKey());
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            if (!BackupManifest.sha256Of(target).equals(file.sha256())) {
                throw new BackupException("The evidence file " + source + " does not match the hash recorded for it: "
                        + "the evidence store is damaged. No backup was completed.");
            }
        }
        syncAll(dir); // the set is on disk before its manifest says it is complete
        BackupManifest manifest = new BackupManifest(Instant.now(), schema, tables, sequences, files);
        manifest.write(dir);
        syncAll(dir);
        return manifest;
    }

    /** Checks every file of the set against the manifest before anything is restored. */
    static BackupManifest verify(Path dir) throws IOException {
        BackupManifest manifest = BackupManifest.read(dir);
        for (BackupManifest.Table table : manifest.tables()) {
            Path file = inside(dir, table.path());
            if (!Files.isRegularFile(file) || !BackupManifest.sha256Of(file).equals(table.sha256())) {
                throw new BackupException("The rows of the table " + table.name() + " (" + table.path()
                        + ") are missing or do not match the manifest: the backup is damaged.");
            }
            long rows;
            try (InputStream in = Files.newInputStream(file)) {
                LineCounter counter = new LineCounter(OutputStream.nullOutputStream());
                in.transferTo(counter);
                rows = counter.count;
            }
            if (rows != table.rows()) {
                throw new BackupException("The table " + table.name() + " holds " + rows + " rows, the manifest says "
                        + table.rows() + ": the backup is damaged.");
            }
        }
        for (BackupManifest.EvidenceCopy file : manifest.files()) {
            Path copy = inside(dir, file.path());
            if (!Files.isRegularFile(copy) || Files.size(copy) != file.size()
                    || !BackupManifest.sha256Of(copy).equals(file.sha256())) {
                throw new BackupException("The evidence file " + file.path()
                        + " is missing or does not match the manifest: the backup is damaged.");
            }
        }
        return manifest;
    }

    /**
     * Loads a verified set into a schema just made by the migrations up to the backup's version, as its owner: the
     * owner may switch off the tables' own triggers (a submitted report's parts are frozen by one) and take the
     * foreign keys off while loading (some tables reference each other); adding them back checks every row. One
     * transaction: all or nothing.
     */
    static void load(Connection owner, BackupManifest manifest, Path dir, Path evidenceRoot) throws IOException, SQLException {
        requireEmpty(evidenceRoot, "The evidence directory " + evidenceRoot + " is not empty; restore only into an empty one.");
        owner.setAutoCommit(false);
        try {
            CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
            Map<String, BackupManifest.Table> byName = new LinkedHashMap<>();
            manifest.tables().forEach(t -> byName.put(t.name(), t));
            List<String> present = names(owner, "r");
            if (!present.containsAll(byName.keySet()) || !byName.keySet().containsAll(present)) {
                throw new BackupException("The tables of the backup and of the schema version " + manifest.schemaVersion()
                        + " differ; this backup cannot be restored by this version of rectify.");
            }
            List<ForeignKey> keys = foreignKeys(owner);
            try (Statement sql = owner.createStatement()) {
                sql.execute("truncate " + String.join(", ", present.stream().map(BackupSet::quoted).toList()));
                for (ForeignKey key : keys) {
                    sql.execute("alter table " + quoted(key.table()) + " drop constraint " + quoted(key.name()));
                }
                for (String table : present) {
                    sql.execute("alter table " + quoted(table) + " disable trigger user");
                    try (InputStream in = Files.newInputStream(inside(dir, byName.get(table).path()))) {
                        copy.copyIn("copy " + quoted(table) + " from stdin", in);
                    }
                    sql.execute("alter table " + quoted(table) + " enable trigger user");
                }
                for (ForeignKey key : keys) { // definitions as PostgreSQL prints them from its own catalog
                    sql.execute("alter table " + quoted(key.table()) + " add constraint " + quoted(key.name()) + " " + key.definition());
                }
            }
            try (PreparedStatement setval = owner.prepareStatement("select setval(?::regclass, ?, ?)")) {
                for (BackupManifest.Sequence sequence : manifest.sequences()) {
                    setval.setString(1, quoted(sequence.name()));
                    setval.setLong(2, sequence.lastValue());
                    setval.setBoolean(3, sequence.called());
                    setval.executeQuery().close();
                }
            }
            owner.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(true);
        }
        for (BackupManifest.EvidenceCopy file : manifest.files()) {
            Path target = inside(evidenceRoot, file.storageKey());
            Files.createDirectories(target.getParent());
            Files.copy(inside(dir, file.path()), target);
        }
    }

    static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select version from " + SCHEMA_HISTORY
                + " where success and version is not null order by installed_rank desc limit 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new BackupException("The database has no rectify schema (no migration was applied).");
            }
            return row.getString(1);
        }
    }

    /** Tables (kind r) or sequences (kind S) of the public schema, the migration history left out. */
    static List<String> names(Connection connection, String kind) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select relname from pg_class "
                + "where relnamespace = 'public'::regnamespace and relkind = ? and relname <> ? order by relname")) {
            query.setString(1, kind);
            query.setString(2, SCHEMA_HISTORY);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    record ForeignKey(String table, String name, String definition) {
    }

    /** The schema's foreign keys, to be dropped while loading and added back (which checks every row) after. */
    private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select t.relname, c.conname, pg_get_constraintdef(c.oid) "
                + "from pg_constraint c join pg_class t on t.oid = c.conrelid "
                + "where c.contype = 'f' and c.connamespace = 'public'::regnamespace order by t.relname, c.conname");
             ResultSet rows = query.executeQuery()) {
            List<ForeignKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
            return keys;
        }
    }

    /** A path of the set or store, refused if the manifest would lead it outside its directory. */
    static Path inside(Path root, String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root.normalize()) || relative.contains("\\")) {
            throw new BackupException("The manifest names a file outside the backup: " + relative);
        }
        return path;
    }

    static void requireEmpty(Path dir, String sentence) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BackupException(sentence);
                }
            }
        } else if (Files.exists(dir)) {
            throw new BackupException(sentence);
        }
    }

    /** fsync of every file and directory under dir, so "backup: done" survives a power cut. */
    private static void syncAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                boolean directory = Files.isDirectory(path);
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                    channel.force(true);
                } catch (IOException e) {
                    if (!directory) { // some file systems cannot sync a directory; files must be synced
                        throw e;
                    }
                }
            }
        }
    }

    static String quoted(String identifier) {
        try {
            return Utils.escapeIdentifier(null, identifier).toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException(identifier, e);
        }
    }

    /** Counts the rows of COPY's text format: one line each (newlines inside values are escaped). */
    private static final class LineCounter extends FilterOutputStream {
        long count;

        LineCounter(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                count++;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    count++;
                }
            }
            out.write(b, off, len);
        }
    }
}
