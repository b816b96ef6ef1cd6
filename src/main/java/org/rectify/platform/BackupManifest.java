package org.rectify.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The table of contents of a backup: the schema version, every table with its row count and the SHA-256 of its
 * data file, every sequence's position, every evidence file with its SHA-256. Plain text, one entry a line, so an
 * operator can read it; {@code manifest.sha256} beside it holds the manifest's own hash.
 */
record BackupManifest(Instant made, String schemaVersion, List<Table> tables, List<Sequence> sequences,
                      List<EvidenceCopy> files) {

    static final String FILE = "manifest.txt";
    static final String HASH_FILE = "manifest.sha256";
    private static final String FORMAT = "rectify-backup 1";

    record Table(String name, long rows, String sha256, String path) {
    }

    record Sequence(String name, long lastValue, boolean called) {
    }

    record EvidenceCopy(String storageKey, String sha256, long size) {
        String path() {
            return "evidence/" + storageKey;
        }
    }

    void write(Path dir) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append("made ").append(made).append('\n')
                .append("schema ").append(schemaVersion).append('\n');
        for (Table t : tables) {
            text.append("table ").append(t.name).append(' ').append(t.rows).append(' ').append(t.sha256).append(' ')
                    .append(t.path).append('\n');
        }
        for (Sequence s : sequences) {
            text.append("sequence ").append(s.name).append(' ').append(s.lastValue).append(' ').append(s.called).append('\n');
        }
        for (EvidenceCopy f : files) {
            text.append("file ").append(f.storageKey).append(' ').append(f.sha256).append(' ').append(f.size).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(FILE), bytes);
        Files.writeString(dir.resolve(HASH_FILE), hex(sha256().digest(bytes)) + "  " + FILE + "\n");
    }

    /** Reads the manifest after checking its own hash; a manifest that was altered or cut short is refused. */
    static BackupManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Path hashFile = dir.resolve(HASH_FILE);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(hashFile)) {
            throw new BackupException(dir + " holds no backup: " + FILE + " or " + HASH_FILE + " is missing.");
        }
        byte[] bytes = Files.readAllBytes(file);
        String expected = Files.readString(hashFile).strip().split("\\s+")[0];
        if (!hex(sha256().digest(bytes)).equals(expected)) {
            throw new BackupException("The manifest of " + dir + " does not match its hash: the backup was altered or is incomplete.");
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
            throw new BackupException(dir + " is not a backup this version of rectify can read.");
        }
        Instant made = null;
        String schema = null;
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<EvidenceCopy> files = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "made" -> made = Instant.parse(f[1]);
                case "schema" -> schema = f[1];
                case "table" -> tables.add(new Table(f[1], Long.parseLong(f[2]), f[3], f[4]));
                case "sequence" -> sequences.add(new Sequence(f[1], Long.parseLong(f[2]), Boolean.parseBoolean(f[3])));
                case "file" -> files.add(new EvidenceCopy(f[1], f[2], Long.parseLong(f[3])));
                default -> throw new BackupException("The manifest of " + dir + " has a line this version cannot read: " + line);
            }
        }
        return new BackupManifest(made, schema, tables, sequences, files);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The SHA-256 of a file, read once. */
    static String sha256Of(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(md.digest());
    }
}
