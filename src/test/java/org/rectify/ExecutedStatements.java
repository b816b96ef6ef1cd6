package org.rectify;

import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** The SQL the app's jOOQ executed on this thread while a step ran: for tests that count a request's statements. */
public final class ExecutedStatements {

    private ExecutedStatements() {
    }

    public static List<String> of(DSLContext db, Callable<?> step) throws Exception {
        List<String> sql = new ArrayList<>();
        Thread me = Thread.currentThread();
        ExecuteListener counter = new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext ctx) {
                if (Thread.currentThread() == me) {
                    sql.add(ctx.batchSQL().length > 1 ? String.join(";\n", ctx.batchSQL()) : ctx.sql());
                }
            }
        };
        Configuration configuration = db.configuration();
        ExecuteListenerProvider[] before = configuration.executeListenerProviders();
        configuration.set(Stream.concat(Arrays.stream(before), Stream.of(new DefaultExecuteListenerProvider(counter)))
                .toArray(ExecuteListenerProvider[]::new));
        try {
            step.call();
        } finally {
            configuration.set(before);
        }
        return sql;
    }
}
