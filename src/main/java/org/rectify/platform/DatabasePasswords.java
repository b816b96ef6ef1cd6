package org.rectify.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The embedded database's passwords, one per role, generated at first start into a file only the
 * installation's user can read (mode 600). The file lives beside the database, so a copy of the data
 * directory carries its own keys and nothing has to be configured.
 */
final class DatabasePasswords {

    static final String FILE_NAME = "postgres-passwords.properties";

    private final Path file;
    private final Properties passwords;

    private DatabasePasswords(Path file, Properties passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /** Reads the file, first adding a fresh password for any role it lacks. */
    static DatabasePasswords in(Path directory, List<String> roles) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                passwords.load(in);
            }
        }
        boolean added = false;
        for (String role : roles) {
            if (passwords.getProperty(role, "").isBlank()) {
                passwords.setProperty(role, generate());
                added = true;
            }
        }
        if (added) {
            write(file, passwords);
        }
        return new DatabasePasswords(file, passwords);
    }

    String of(String role) {
        String password = passwords.getProperty(role);
        if (password == null) {
            throw new IllegalArgumentException("no password for the database role " + role + " in " + file);
        }
        return password;
    }

    Path file() {
        return file;
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written to a new file created with mode 600 and then moved over the old one: never readable by others, even briefly. */
    private static void write(Path file, Properties passwords) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(next);
        try {
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(next);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + next, e);
        }
        try (Writer out = Files.newBufferedWriter(next)) {
            passwords.store(out, "Passwords of the embedded PostgreSQL's roles. Keep this file private (mode 600).");
        }
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
