package org.rectify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.jooq.DSLContext;
import org.jooq.tools.LoggerListener;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The SQL the app ran on this thread while open, as jOOQ's execute log names it: for tests that count a request's or a
 * page's statements and what they read. The log holds jOOQ's statements and those the app runs on the driver itself
 * (platform.RenderedStatements logs them alike). It is switched on when opened and put back as it was when closed (off
 * unless DEBUG at start, platform.JooqSettings, and read per statement); a command's work after its commit runs on
 * other threads and is not counted.
 */
public final class ExecutedStatements implements AutoCloseable {

    private static final List<String> PREFIXES = List.of("Executing query          : ", "Executing batch query    : ");
    private static final String BIND_VALUES = "-> with bind values      : ";

    private final DSLContext db;
    private final Logger log = (Logger) LoggerFactory.getLogger(LoggerListener.class);
    private final Level level = log.getLevel();
    private final boolean logging;
    private final List<String> sql = new ArrayList<>(); // added and read by the opening thread alone
    private final List<String> inlined = new ArrayList<>(); // the same, with the values jOOQ bound written in
    private final AppenderBase<ILoggingEvent> appender;

    private ExecutedStatements(DSLContext db) {
        this.db = db;
        this.logging = db.settings().isExecuteLogging();
        String me = Thread.currentThread().getName();
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getThreadName().equals(me)) {
                    String message = event.getFormattedMessage();
                    PREFIXES.stream().filter(message::startsWith).findFirst().ifPresent(prefix -> {
                        sql.add(message.substring(prefix.length()));
                        inlined.add(message.substring(prefix.length()));
                    });
                    if (message.startsWith(BIND_VALUES) && !inlined.isEmpty()) {
                        inlined.set(inlined.size() - 1, message.substring(BIND_VALUES.length()));
                    }
                }
            }
        };
        appender.start();
        log.addAppender(appender);
        log.setLevel(Level.DEBUG);
        db.settings().setExecuteLogging(true);
    }

    public static ExecutedStatements open(DSLContext db) {
        return new ExecutedStatements(db);
    }

    /** The statements one step ran. */
    public static List<String> of(DSLContext db, Callable<?> step) throws Exception {
        try (ExecutedStatements statements = open(db)) {
            step.call();
            return statements.since(0);
        }
    }

    /** The statements one step ran, each with the values jOOQ bound written in: SQL to EXPLAIN as it ran. */
    public static List<String> inlinedOf(DSLContext db, Callable<?> step) throws Exception {
        try (ExecutedStatements statements = open(db)) {
            step.call();
            return List.copyOf(statements.inlined);
        }
    }

    /** How many statements have run: those after it are {@link #since} it. */
    public int mark() {
        return sql.size();
    }

    public List<String> since(int mark) {
        return List.copyOf(sql.subList(mark, sql.size()));
    }

    @Override
    public void close() {
        db.settings().setExecuteLogging(logging);
        log.setLevel(level);
        log.detachAppender(appender);
    }
}
