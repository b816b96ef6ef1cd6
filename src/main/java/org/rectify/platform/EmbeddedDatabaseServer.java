package org.rectify.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL and its roles: the superuser (maintenance only, never the app), the {@link #OWNER} who
 * owns the schema and runs the migrations, and the {@link #APPLICATION} role the app connects as, which may only
 * read and write rows. Passwords come from a file beside the data ({@link DatabasePasswords}).
 */
public final class EmbeddedDatabaseServer implements Closeable {

    /** Owns the schema; Flyway connects as this role. */
    public static final String OWNER = "rectify_owner";
    /** What the application's DataSource connects as: rows only (see migration V15). */
    public static final String APPLICATION = "rectify_app";
    static final String DATABASE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    private final EmbeddedPostgres postgres;
    private final DatabasePasswords passwords;
    private final Path dataDirectory;
    private final Path throwAway; // the temporary directory of a non-persistent server, removed on close

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres, Path dataDirectory, DatabasePasswords passwords, Path throwAway) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.passwords = passwords;
        this.throwAway = throwAway;
    }

    /**
     * Starts the server on {@code home}/postgres (kept across restarts), or in a fresh temporary directory when
     * {@code home} is null, closed (passwords only, loopback only) and with its roles. {@code durable} false turns
     * fsync and synchronous commit off, for tests only: an acknowledged write may then be lost in a crash.
     */
    public static EmbeddedDatabaseServer start(Path home, boolean durable) throws IOException {
        return start(home, durable, false);
    }

    /**
     * As {@link #start(Path, boolean)}; {@code pagesAfterStart} (the application's own server, not a command's) sets
     * the list of pages kept in memory at the last stop aside, for {@link #keptPages()} to read after the start.
     */
    static EmbeddedDatabaseServer start(Path home, boolean durable, boolean pagesAfterStart) throws IOException {
        Path throwAway = null;
        if (home == null) {
            throwAway = Files.createTempDirectory("rectify-db");
        }
        Path base = home != null ? home.toAbsolutePath() : throwAway;
        Path pgData = base.resolve("postgres");
        Files.createDirectories(pgData);
        DatabasePasswords passwords = DatabasePasswords.in(base, List.of(EmbeddedRoles.SUPERUSER, OWNER, APPLICATION));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false) // Spring closes it; zonky's own hook races Spring's
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(pgData)
                .setCleanDataDirectory(home == null)
                // zonky's defaults are for throw-away test databases (fsync off via -F, no synchronous commit): undone
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("jit", "off") // OLTP: JIT compiling a badly estimated query cost more than it saved
                .setServerConfig("shared_buffers", durable ? SharedBuffers.forMemory(SharedBuffers.physicalMemory()) : "128MB")
                // the superuser's password lets zonky see the server is up; it is set before the first start
                .setConnectConfig("password", passwords.of(EmbeddedRoles.SUPERUSER))
                .setDataDirectoryCustomizer(dir -> PasswordOnlyAccess.close(dir.toPath(), passwords.of(EmbeddedRoles.SUPERUSER)));
        if (home != null) {
            // the shared buffers' pages kept across restarts: written at stop (autoprewarm.blocks), read back by a
            // background worker once the server accepts connections, so the first requests after a start find the
            // province's tables in memory instead of reading them again (issue 14: the first ledger page of a root
            // office counted 100,000 cold tasks in 2.3 s, warm in half that, on the busy machine); the application's
            // own server reads them after its start instead (KeptPages: 2 GB cost 12-18 s of CPU during it)
            builder.setServerConfig("shared_preload_libraries", "pg_prewarm")
                    .setServerConfig("pg_prewarm.autoprewarm", "on");
            StalePostmaster.stopIfRunning(pgData);
            if (pagesAfterStart) {
                KeptPages.setAside(pgData);
            }
            log.info("Embedded PostgreSQL data directory: {}", pgData);
        }
        EmbeddedDatabaseServer server = new EmbeddedDatabaseServer(builder.start(), pgData, passwords, throwAway);
        try (Connection superuser = server.superuserDataSource().getConnection()) {
            EmbeddedRoles.ensure(superuser, passwords);
        } catch (SQLException e) {
            server.close();
            throw new IOException("could not set up the roles of the embedded database: " + e.getMessage(), e);
        }
        return server;
    }

    /** The server's process (the postmaster): what a crash test kills. */
    public ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException("no postmaster with pid " + pid));
    }

    /** The pages kept in memory at the last stop, set aside at start to be read after it ({@link KeptPages}). */
    KeptPages keptPages() {
        return new KeptPages(dataDirectory, superuserDataSource());
    }

    /** The JDBC URL of the application's database (without credentials). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String password(String role) {
        return passwords.of(role);
    }

    /** A non-pooled connection source as the schema's owner: migrations, and tests that need more than rows. */
    public DataSource ownerDataSource() {
        return dataSource(OWNER);
    }

    /** A non-pooled connection source as the application role. */
    public DataSource applicationDataSource() {
        return dataSource(APPLICATION);
    }

    DataSource superuserDataSource() {
        return dataSource(EmbeddedRoles.SUPERUSER);
    }

    /** The directory holding the data directory ({@code postgres}) and the password file: a {@code rectify.data-dir}. */
    public Path home() {
        return dataDirectory.getParent();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    Path passwordFile() {
        return passwords.file();
    }

    private DataSource dataSource(String role) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        dataSource.setUser(role);
        dataSource.setPassword(passwords.of(role));
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (throwAway != null) {
            try (Stream<Path> files = Files.walk(throwAway)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
