package org.rectify.platform;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the kept embedded PostgreSQL on a thread of its own as soon as the configuration is read, while Spring
 * reads its classes and builds the beans on the main thread (start-up, issue 14: the server's start, recovery
 * included, overlaps the context's instead of following it). {@link EmbeddedDatabaseConfiguration} takes the server
 * from here when it was started for the same directory, and starts it itself otherwise. A throw-away database
 * (tests) or a configured {@code spring.datasource.url} starts nothing here. Registered in META-INF/spring.factories.
 */
public class EarlyEmbeddedDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private record Started(Path home, boolean durable, CompletableFuture<EmbeddedDatabaseServer> server) {
    }

    private static volatile Started started;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        // the build's spring-boot:process-aot makes the context's definitions only: it needs no database
        if (started != null || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                || !startsEarly(event.getArgs(), event.getSpringApplication().getWebApplicationType(), env)) {
            return;
        }
        Path home = Path.of(env.getProperty("rectify.data-dir", "./data")).toAbsolutePath();
        boolean durable = env.getProperty("rectify.embedded-db.durable", Boolean.class, true);
        CompletableFuture<EmbeddedDatabaseServer> server = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.complete(EmbeddedDatabaseServer.start(home, durable, true));
            } catch (IOException | RuntimeException e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        started = new Started(home, durable, server);
    }

    /**
     * Only the web application itself, on its kept embedded database, starts its server early: a command (backup,
     * restore, verify-audit, generate; a word before the options) or a context that reads settings only must not start
     * a second server on the data directory of an application that is running, which would stop that application's
     * database as stale; a throw-away database (tests) or an external one ({@code spring.datasource.url}) needs none.
     */
    static boolean startsEarly(String[] args, WebApplicationType type, PropertyResolver settings) {
        return isTheWebApplication(args, type)
                && settings.getProperty("spring.datasource.url", "").isEmpty()
                && settings.getProperty("rectify.embedded-db.persistent", Boolean.class, true);
    }

    /** The web application's own start: not a command (a word before the options) nor a context without a web server. */
    static boolean isTheWebApplication(String[] args, WebApplicationType type) {
        boolean command = args.length > 0 && !args[0].startsWith("--");
        return !command && type == WebApplicationType.SERVLET;
    }

    /** The server for {@code home}: the one started early when it was for this directory, else started now. */
    static EmbeddedDatabaseServer take(Path home, boolean durable) throws IOException {
        Started early = started;
        started = null; // taken once: a second context in this JVM starts its own
        if (early == null || home == null || !early.home().equals(home.toAbsolutePath()) || early.durable() != durable) {
            if (early != null) {
                early.server().thenAccept(EarlyEmbeddedDatabase::closeQuietly);
            }
            return EmbeddedDatabaseServer.start(home, durable, true);
        }
        try {
            return early.server().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    private static void closeQuietly(EmbeddedDatabaseServer server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // a server nobody asked for: its data directory is stopped again by the next start if need be
        }
    }
}
