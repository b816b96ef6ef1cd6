package org.rectify.supervision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;
import static org.rectify.db.Tables.MILESTONE;
import static org.rectify.db.Tables.PLAN;
import static org.rectify.db.Tables.TASK;
import static org.rectify.db.Tables.UNIT;

/**
 * The nightly reassessment at province scale: 100,000 tasks with two milestones each on a fresh embedded
 * PostgreSQL, reassessed as the nightly job does. Prints the time of the first run (every task new), of a
 * second run the same day (nothing changes) and of a run a month later (many levels move).
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.rectify.supervision.WarningRecomputeBenchmark [-Dexec.args=TASKS]</pre>
 */
public final class WarningRecomputeBenchmark {

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            DSLContext db = DSL.using(pg.getPostgresDatabase(), SQLDialect.POSTGRES);
            generate(db, tasks);
            Warnings warnings = new Warnings(db, event -> { }, Clock.system(ZoneId.of("Asia/Shanghai")));
            LocalDate day = LocalDate.of(2018, 6, 1);
            time("first run, every task new", tasks, () -> warnings.recomputeAll(day));
            time("same day again, nothing changes", tasks, () -> warnings.recomputeAll(day));
            time("a month later", tasks, () -> warnings.recomputeAll(day.plusMonths(1)));
            time("a year later", tasks, () -> warnings.recomputeAll(day.plusYears(1)));
        }
    }

    /** One plan; tasks spread over the statuses, with milestones spread over 2017-2020. */
    private static void generate(DSLContext db, int tasks) {
        long unit = db.insertInto(UNIT).set(UNIT.NAME, "省").set(UNIT.LEVEL, "PROVINCE").set(UNIT.TYPE, "REGION")
                .set(UNIT.PATH, "/1/").returning(UNIT.ID).fetchOne(UNIT.ID);
        long plan = db.insertInto(PLAN).set(PLAN.TITLE, "基准方案").set(PLAN.OWNER_UNIT_ID, unit)
                .returning(PLAN.ID).fetchOne(PLAN.ID);
        var series = generateSeries(1, tasks).as("s", "n");
        Field<Integer> n = series.field("n", Integer.class);
        Field<String> status = DSL.choose(n.mod(7))
                .when(inline(0), inline("ASSIGNED")).when(inline(4), inline("CLOSURE_REQUESTED"))
                .when(inline(5), inline("CLOSED")).when(inline(6), inline("ONGOING")).otherwise(inline("IN_PROGRESS"));
        Field<LocalDate> deadline = DSL.localDateAdd(val(LocalDate.of(2017, 6, 30)), n.mod(1200));
        long started = System.nanoTime();
        db.insertInto(TASK, TASK.PLAN_ID, TASK.REF, TASK.POSITION, TASK.TEXT, TASK.STATUS, TASK.DEADLINE)
                .select(DSL.select(val(plan), n.cast(String.class), n, inline("基准任务"), status, deadline)
                        .from(series))
                .execute();
        db.insertInto(MILESTONE, MILESTONE.TASK_ID, MILESTONE.DUE_ON, MILESTONE.DELIVERABLE)
                .select(DSL.select(TASK.ID, TASK.DEADLINE, inline("完成")).from(TASK)
                        .unionAll(DSL.select(TASK.ID, DSL.localDateSub(TASK.DEADLINE, inline(180)), inline("阶段成果")).from(TASK)))
                .execute();
        db.execute("analyze");
        System.out.printf("generated %,d tasks and %,d milestones in %d ms%n", tasks, tasks * 2,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void time(String what, int tasks, java.util.function.IntSupplier run) {
        long started = System.nanoTime();
        int changed = run.getAsInt();
        System.out.printf("%-32s %,7d tasks, %,7d changed: %,6d ms%n", what, tasks, changed,
                (System.nanoTime() - started) / 1_000_000);
    }
}
