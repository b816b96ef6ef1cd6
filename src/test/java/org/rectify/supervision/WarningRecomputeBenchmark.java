package org.rectify.supervision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;

import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;
import static org.rectify.db.Tables.MILESTONE;
import static org.rectify.db.Tables.PLAN;
import static org.rectify.db.Tables.PROGRESS_REPORT;
import static org.rectify.db.Tables.REPORTING_CYCLE;
import static org.rectify.db.Tables.REPORT_SLOT;
import static org.rectify.db.Tables.TASK_UNIT;
import static org.rectify.db.Tables.TASK;
import static org.rectify.db.Tables.UNIT;

/**
 * The nightly reassessment at province scale: 100,000 tasks with two milestones each on a fresh embedded
 * PostgreSQL, reassessed as the nightly job does. Prints the time of the first run (every task new), of a
 * second run the same day (nothing changes) and of a run a month later (many levels move). Then the morning reminder
 * sweep over the same data, the first morning and the days after. Each task has one of 100 lead units and reports
 * monthly; three quarters of the reports of the five months before the day were submitted.
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.rectify.supervision.WarningRecomputeBenchmark [-Dexec.args=TASKS]</pre>
 */
public final class WarningRecomputeBenchmark {

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("log_min_duration_statement", System.getProperty("slowMs", "-1")).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("app_role", "postgres")).load().migrate();
            DSLContext db = DSL.using(pg.getPostgresDatabase(), SQLDialect.POSTGRES);
            generate(db, tasks);
            Warnings warnings = new Warnings(db, event -> { }, Clock.system(ZoneId.of("Asia/Shanghai")), null); // no plans: no settings changed here
            LocalDate day = LocalDate.of(2018, 6, 1);
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
        Field<Long> firstUnit = DSL.val(unit + 1);
        db.insertInto(UNIT, UNIT.NAME, UNIT.LEVEL, UNIT.TYPE, UNIT.PARENT_ID, UNIT.PATH)
                .select(DSL.select(DSL.concat(inline("单位"), n.cast(String.class)), inline("CITY"), inline("DEPARTMENT"),
                        val(unit), DSL.concat(inline("/1/"), n.cast(String.class), inline("/"))).from(generateSeries(1, 100).as("s", "n")))
                .execute();
        db.insertInto(TASK_UNIT, TASK_UNIT.TASK_ID, TASK_UNIT.UNIT_ID, TASK_UNIT.ROLE)
                .select(DSL.select(TASK.ID, firstUnit.plus(TASK.ID.mod(100L)), inline("LEAD")).from(TASK)).execute();
        var months = generateSeries(0, 47).as("m", "k");
        Field<Integer> k = months.field("k", Integer.class);
        Field<LocalDate> start = DSL.localDateAdd(val(LocalDate.of(2017, 1, 1)), k, org.jooq.DatePart.MONTH);
        db.insertInto(REPORTING_CYCLE, REPORTING_CYCLE.PLAN_ID, REPORTING_CYCLE.KIND, REPORTING_CYCLE.SEQ,
                        REPORTING_CYCLE.PERIOD_START, REPORTING_CYCLE.PERIOD_END, REPORTING_CYCLE.DUE_ON, REPORTING_CYCLE.GRACE_UNTIL)
                .select(DSL.select(val(plan), inline("MONTHLY"), k.plus(1), start,
                        DSL.localDateSub(DSL.localDateAdd(start, inline(1), org.jooq.DatePart.MONTH), inline(1)),
                        DSL.localDateAdd(start, inline(24)), DSL.localDateAdd(start, inline(29))).from(months))
                .execute();
        // submitted reports for three tasks in four, in the five cycles due before June 2018
        var recent = REPORTING_CYCLE.DUE_ON.between(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 5, 31));
        var owed = TASK.ID.mod(4L).ne(0L);
        OffsetDateTime at = OffsetDateTime.of(2018, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        db.insertInto(REPORT_SLOT, REPORT_SLOT.CYCLE_ID, REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, REPORT_SLOT.STATE,
                        REPORT_SLOT.UPDATED_AT)
                .select(DSL.select(REPORTING_CYCLE.ID, TASK.ID, TASK_UNIT.UNIT_ID, inline("SUBMITTED"), val(at))
                        .from(REPORTING_CYCLE).crossJoin(TASK).join(TASK_UNIT).on(TASK_UNIT.TASK_ID.eq(TASK.ID))
                        .where(recent).and(owed))
                .execute();
        db.insertInto(PROGRESS_REPORT, PROGRESS_REPORT.SLOT_ID, PROGRESS_REPORT.TASK_ID, PROGRESS_REPORT.UNIT_ID,
                        PROGRESS_REPORT.CYCLE_ID, PROGRESS_REPORT.VERSION, PROGRESS_REPORT.STATUS, PROGRESS_REPORT.WORK_DONE,
                        PROGRESS_REPORT.PHASE, PROGRESS_REPORT.ON_SCHEDULE, PROGRESS_REPORT.CREATED_BY,
                        PROGRESS_REPORT.CREATED_AT, PROGRESS_REPORT.UPDATED_AT, PROGRESS_REPORT.SUBMITTED_AT)
                .select(DSL.select(REPORT_SLOT.ID, REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, REPORT_SLOT.CYCLE_ID, inline(1),
                        inline("SUBMITTED"), inline("按计划推进"), inline("IN_PROGRESS"), inline(true), inline("基准"),
                        val(at), val(at), val(at)).from(REPORT_SLOT))
                .execute();
        db.update(REPORT_SLOT).set(REPORT_SLOT.SUBMITTED_REPORT_ID, PROGRESS_REPORT.ID).set(REPORT_SLOT.LATEST_REPORT_ID, PROGRESS_REPORT.ID)
                .from(PROGRESS_REPORT).where(PROGRESS_REPORT.SLOT_ID.eq(REPORT_SLOT.ID)).execute();
        db.execute("analyze");
        System.out.printf("generated %,d tasks, %,d milestones, %,d submitted reports in %d ms%n", tasks, tasks * 2,
                db.fetchCount(REPORT_SLOT), (System.nanoTime() - started) / 1_000_000);
    }

    private static void time(String what, int tasks, java.util.function.IntSupplier run) {
        long started = System.nanoTime();
        int changed = run.getAsInt();
        System.out.printf("%-34s %,7d tasks, %,7d changed: %,6d ms%n", what, tasks, changed,
                (System.nanoTime() - started) / 1_000_000);
    }
}
