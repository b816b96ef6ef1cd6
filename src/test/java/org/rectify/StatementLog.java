package org.rectify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.jooq.DSLContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;

import java.util.List;

/**
 * The statements the test's own thread runs through jOOQ, read from jOOQ's execute log on the captured output: a test
 * asserting how many statements a page costs, and what they read. The log is switched on when opened and put back as
 * it was when closed (it is off unless DEBUG at start, platform.JooqSettings, and read per statement).
 */
public final class StatementLog implements AutoCloseable {

    private static final String EXECUTING = ".*\\[\\s*main\\] org\\.jooq\\.tools\\.LoggerListener\\s*: Executing query.*";

    private final DSLContext db;
    private final CapturedOutput output;
    private final Logger log = (Logger) LoggerFactory.getLogger("org.jooq.tools.LoggerListener");
    private final Level level = log.getLevel();
    private final Boolean logging;

    private StatementLog(DSLContext db, CapturedOutput output) {
        this.db = db;
        this.output = output;
        this.logging = db.settings().isExecuteLogging();
        log.setLevel(Level.DEBUG);
        db.settings().setExecuteLogging(true);
    }

    public static StatementLog open(DSLContext db, CapturedOutput output) {
        return new StatementLog(db, output);
    }

    /** Where the output stands now: statements after it are {@link #since} it. */
    public int mark() {
        return output.getOut().length();
    }

    /** The main thread's statements logged after the mark (a command's work after its commit runs on others). */
    public List<String> since(int mark) {
        return output.getOut().substring(mark).lines().filter(l -> l.matches(EXECUTING)).toList();
    }

    @Override
    public void close() {
        log.setLevel(level);
        db.settings().setExecuteLogging(logging);
    }
}
