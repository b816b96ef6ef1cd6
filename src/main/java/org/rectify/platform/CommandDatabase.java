package org.rectify.platform;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The database a command-line command (backup, restore) works on, found as the app would find it: the configured
 * {@code spring.datasource.url}, or the embedded database of {@code rectify.data-dir}, reached while the app runs
 * (port from postmaster.pid, passwords from the file beside it) or started for the command when it does not.
 * Commands connect as the schema's owner ({@code spring.flyway.user} on an external database, when set).
 */
final class CommandDatabase implements Closeable {

    private final DataSource owner;
    private final String applicationRole;
    private final EmbeddedDatabaseServer startedHere;

    private CommandDatabase(DataSource owner, String applicationRole, EmbeddedDatabaseServer startedHere) {
        this.owner = owner;
        this.applicationRole = applicationRole;
        this.startedHere = startedHere;
    }

    /** The app's settings (application.properties, environment, {@code --name=value} arguments), nothing started. */
    static Environment settings(String[] args) {
        SpringApplication app = new SpringApplication(Settings.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN")); // a command prints its own lines
        try (ConfigurableApplicationContext context = app.run(args)) {
            return context.getEnvironment();
        }
    }

    static boolean embedded(Environment settings) {
        return settings.getProperty("spring.datasource.url", "").isBlank();
    }

    static Path dataDir(Environment settings) {
        return Path.of(settings.getProperty("rectify.data-dir", "./data")).toAbsolutePath();
    }

    static Path evidenceDir(Environment settings) {
        String dir = settings.getProperty("rectify.evidence.dir", "");
        return (dir.isBlank() ? dataDir(settings).resolve("evidence") : Path.of(dir)).toAbsolutePath();
    }

    /** The database as it is: the running embedded server, the embedded one started for the command, or the URL's. */
    static CommandDatabase existing(Environment settings) throws IOException {
        if (!embedded(settings)) {
            return external(settings);
        }
        Path home = dataDir(settings);
        Path pgData = home.resolve("postgres");
        if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
            throw new BackupException("There is no database in " + home + " (set rectify.data-dir or SPRING_DATASOURCE_URL).");
        }
        Integer port = runningPort(pgData);
        if (port != null) {
            DatabasePasswords passwords = DatabasePasswords.in(home, List.of());
            PGSimpleDataSource owner = new PGSimpleDataSource();
            owner.setURL("jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabaseServer.DATABASE);
            owner.setUser(EmbeddedDatabaseServer.OWNER);
            owner.setPassword(passwords.of(EmbeddedDatabaseServer.OWNER));
            return new CommandDatabase(owner, EmbeddedDatabaseServer.APPLICATION, null);
        }
        EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(home, true);
        return new CommandDatabase(server.ownerDataSource(), EmbeddedDatabaseServer.APPLICATION, server);
    }

    /** A new embedded database in an empty data directory, or the configured (empty) external one. */
    static CommandDatabase fresh(Environment settings) throws IOException {
        if (!embedded(settings)) {
            return external(settings);
        }
        Path home = dataDir(settings);
        BackupSet.requireEmpty(home, "The data directory " + home + " is not empty. A restore goes only into an empty "
                + "data directory, so no installation is ever overwritten: choose a new one with --rectify.data-dir=DIR.");
        EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(home, true);
        return new CommandDatabase(server.ownerDataSource(), EmbeddedDatabaseServer.APPLICATION, server);
    }

    private static CommandDatabase external(Environment settings) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(settings.getProperty("spring.datasource.url"));
        String user = settings.getProperty("spring.flyway.user", "");
        String appUser = settings.getProperty("spring.datasource.username", "");
        owner.setUser(user.isBlank() ? appUser : user);
        owner.setPassword(user.isBlank() ? settings.getProperty("spring.datasource.password", "")
                : settings.getProperty("spring.flyway.password", ""));
        String appRole = settings.getProperty("spring.flyway.placeholders.app_role", appUser);
        return new CommandDatabase(owner, appRole, null);
    }

    /** The port of a server running on the data directory, or null when none runs. */
    private static Integer runningPort(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return null;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? Integer.valueOf(lines.get(3).strip()) : null;
    }

    DataSource owner() {
        return owner;
    }

    String applicationRole() {
        return applicationRole;
    }

    @Override
    public void close() throws IOException {
        if (startedHere != null) {
            startedHere.close();
        }
    }

    /** Nothing: the context is only there to read the settings as Spring Boot does. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {
    }
}
