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
 * The SQL the app ran on this thread while a step ran, as jOOQ's execute log names it: for tests that count a request's
 * statements. The log holds jOOQ's statements and those the app runs on the driver itself (platform.RenderedStatements
 * logs them alike); it is switched on for the step and put back as it was.
 */
public final class ExecutedStatements {

    private static final String EXECUTING = "Executing query          : ";
    private static final String BATCH = "Executing batch query    : ";

    private ExecutedStatements() {
    }

    public static List<String> of(DSLContext db, Callable<?> step) throws Exception {
        List<String> sql = new ArrayList<>();
        String me = Thread.currentThread().getName();
        Logger log = (Logger) LoggerFactory.getLogger(LoggerListener.class);
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String message = event.getFormattedMessage();
                if (event.getThreadName().equals(me)) {
                    if (message.startsWith(EXECUTING)) {
                        sql.add(message.substring(EXECUTING.length()));
                    } else if (message.startsWith(BATCH)) {
                        sql.add(message.substring(BATCH.length()));
                    }
                }
            }
        };
        Level level = log.getLevel();
        boolean logging = db.settings().isExecuteLogging();
        counter.start();
        log.addAppender(counter);
        log.setLevel(Level.DEBUG);
        db.settings().setExecuteLogging(true);
        try {
            step.call();
        } finally {
            db.settings().setExecuteLogging(logging);
            log.setLevel(level);
            log.detachAppender(counter);
        }
        return sql;
    }
}
