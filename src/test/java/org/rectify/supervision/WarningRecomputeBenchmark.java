package org.rectify.supervision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.rectify.generator.GeneratedProvince;
import org.rectify.generator.GeneratorOptions;
import org.rectify.generator.ProvinceWriter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.supervision.internal.db.Tables.WARNING_CHANGE;

/**
 * The nightly reassessment at province scale: 100,000 tasks with two milestones each on a fresh embedded
 * PostgreSQL, reassessed as the nightly job does. Prints the time of the first run (every task new), of a
 * second run the same day (nothing changes) and of a run a month later (many levels move). Then the morning reminder
 * sweep over the same data, the first morning and the days after. The data is the province generator's
 * ({@link ProvinceWriter}): lead units across 20 cities × 9 counties, deadlines over five years around the day, ten
 * monthly reports a task, most of them submitted.
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.rectify.supervision.WarningRecomputeBenchmark [-Dexec.args=TASKS]</pre>
 */
public final class WarningRecomputeBenchmark {

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("log_min_duration_statement", System.getProperty("slowMs", "-1")).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("app_role", "postgres")).load().migrate();
            DSLContext db = DSL.using(pg.getPostgresDatabase(), SQLDialect.POSTGRES);
            LocalDate day = LocalDate.of(2018, 6, 1);
            generate(pg.getPostgresDatabase(), db, tasks, day);
            Warnings warnings = new Warnings(db, event -> { }, Clock.system(ZoneId.of("Asia/Shanghai")), null); // no plans: no settings changed here
            time("first run, every task new", tasks, () -> warnings.recomputeAll(day));
            time("same day again, nothing changes", tasks, () -> warnings.recomputeAll(day));
            time("a month later", tasks, () -> warnings.recomputeAll(day.plusMonths(1)));
            time("a year later", tasks, () -> warnings.recomputeAll(day.plusYears(1)));

            Reminders reminders = new Reminders(db, event -> { }, Clock.system(ZoneId.of("Asia/Shanghai")), "7,3,1", "1,3,7");
            time("reminders, first morning", tasks, () -> reminders.sweep(day));
            time("reminders, same morning again", tasks, () -> reminders.sweep(day));
            for (int i = 1; i <= 3; i++) {
                LocalDate next = day.plusDays(i);
                time("reminders, " + next, tasks, () -> reminders.sweep(next));
            }
        }
    }

    /**
     * The generator's province (20 cities × 9 counties, ten monthly reports a task) as of the benchmark's day, without
     * its warnings, so the first reassessment finds every task new.
     */
    private static void generate(DataSource dataSource, DSLContext db, int tasks, LocalDate day) throws Exception {
        GeneratorOptions options = new GeneratorOptions(20, 9, 4, 0, tasks, 10, 1, false, null, day);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            GeneratedProvince province = new ProvinceWriter(connection, options, "{noop}benchmark", ZoneId.of("Asia/Shanghai")).write();
            connection.commit();
            System.out.printf("generated %,d tasks, %,d milestones, %,d reports in %,d ms%n", province.rows().get("task"),
                    province.rows().get("milestone"), province.rows().get("progress_report"), province.totalMillis());
        }
        db.deleteFrom(WARNING_CHANGE).execute();
        db.deleteFrom(TASK_WARNING).execute();
        db.execute("analyze");
    }

    private static void time(String what, int tasks, java.util.function.IntSupplier run) {
        long started = System.nanoTime();
        int changed = run.getAsInt();
        System.out.printf("%-34s %,7d tasks, %,7d changed: %,6d ms%n", what, tasks, changed,
                (System.nanoTime() - started) / 1_000_000);
    }
}
