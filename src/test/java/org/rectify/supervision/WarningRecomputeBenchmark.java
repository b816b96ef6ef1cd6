package org.rectify.supervision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.DSLContext;
import org.rectify.generator.GeneratedProvince;
import org.rectify.generator.GeneratorOptions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.rectify.plans.api.Tables.PLANS_TASK;

/**
 * The nightly reassessment at province scale: 100,000 tasks with two milestones each on a fresh embedded
 * PostgreSQL, reassessed as the nightly job does. Prints the time of the first run (every task new), of a
 * second run the same day (nothing changes) and of the same in one pass under one lock (as the pass ran until session 13),
 * three times each, alternately, then of a run a month later (many levels move). Then the morning reminder
 * sweep over the same data, the first morning and the days after. The data is the province generator's
 * ({@link ProvinceDatabase}): lead units across 20 cities × 9 counties, deadlines over five years around the day, ten
 * monthly reports a task, most of them submitted.
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.rectify.supervision.WarningRecomputeBenchmark [-Dexec.args=TASKS] [-DexplainMs=N]</pre>
 */
public final class WarningRecomputeBenchmark {

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        LocalDate day = LocalDate.of(2018, 6, 1);
        try (ProvinceDatabase province = ProvinceDatabase.start(explaining(EmbeddedPostgres.builder()
                .setServerConfig("log_min_duration_statement", System.getProperty("slowMs", "-1"))),
                new GeneratorOptions(20, 9, 4, 0, tasks, 10, 1, false, null, day))) {
            GeneratedProvince generated = province.province;
            System.out.printf("generated %,d tasks, %,d milestones, %,d reports in %,d ms%n", generated.rows().get("task"),
                    generated.rows().get("milestone"), generated.rows().get("progress_report"), generated.totalMillis());
            DSLContext db = province.db;
            Warnings warnings = province.warnings(event -> { });
            time("first run, every task new", tasks, () -> warnings.recomputeAll(day));
            List<Long> plans = db.select(PLANS_TASK.PLAN_ID).from(PLANS_TASK).groupBy(PLANS_TASK.PLAN_ID).fetch(PLANS_TASK.PLAN_ID);
            for (int i = 0; i < 3; i++) { // alternately, on a busy machine
                time("same day again, nothing changes", tasks, () -> warnings.recomputeAll(day));
                time("same, in one pass under one lock", tasks, () -> warnings.recomputePlans(plans, day));
            }
            time("a month later", tasks, () -> warnings.recomputeAll(day.plusMonths(1)));
            time("a year later", tasks, () -> warnings.recomputeAll(day.plusYears(1)));

            Reminders reminders = new Reminders(db, event -> { }, Clock.system(ProvinceDatabase.ZONE), "7,3,1", "1,3,7");
            time("reminders, first morning", tasks, () -> reminders.sweep(day));
            time("reminders, same morning again", tasks, () -> reminders.sweep(day));
            for (int i = 1; i <= 3; i++) {
                LocalDate next = day.plusDays(i);
                time("reminders, " + next, tasks, () -> reminders.sweep(next));
            }
        }
    }

    /**
     * With {@code -DexplainMs=N}: the plan of every statement taking N ms or more (EXPLAIN ANALYZE, auto_explain),
     * printed by the server.
     */
    private static EmbeddedPostgres.Builder explaining(EmbeddedPostgres.Builder builder) {
        String ms = System.getProperty("explainMs");
        if (ms == null) {
            return builder;
        }
        return builder.setServerConfig("session_preload_libraries", "auto_explain")
                .setServerConfig("auto_explain.log_min_duration", ms).setServerConfig("auto_explain.log_analyze", "on")
                .setServerConfig("auto_explain.log_buffers", "on").setServerConfig("auto_explain.log_nested_statements", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT).setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
    }

    private static void time(String what, int tasks, java.util.function.IntSupplier run) {
        long started = System.nanoTime();
        int changed = run.getAsInt();
        System.out.printf("%-34s %,7d tasks, %,7d changed: %,6d ms%n", what, tasks, changed,
                (System.nanoTime() - started) / 1_000_000);
    }
}
