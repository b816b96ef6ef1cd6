package org.rectify.supervision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.generator.GeneratorOptions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.api.Tables.PLANS_TASK;

/**
 * The nightly pass in batches, each locking its own tasks, decides exactly what the one pass under one lock decided
 * (the nightly pass until session 13, still how whole plans are reassessed): on a generated province of 3,000 tasks
 * (its own embedded PostgreSQL), the first night (every task new), then, after the facts change (tasks closed and
 * reopened, reports withdrawn, notices left unanswered past their date or answered late, a plan's thresholds,
 * milestones moved), the next night, a month and a year later. Each night runs both ways from the same stored
 * warnings: the same warnings, the same recorded changes of level, the same events.
 */
class NightlyPassTests {

    private static final LocalDate DAY = LocalDate.of(2018, 6, 1);
    private static final int BATCH = 100;

    @Test
    void batches_decide_what_one_pass_decides_night_after_night_as_the_facts_change() throws Exception {
        try (ProvinceDatabase province = ProvinceDatabase.start(EmbeddedPostgres.builder(),
                new GeneratorOptions(3, 3, 2, 0, 3_000, 10, 5, false, null, DAY))) {
            assertThat(night(province, DAY)).as("every task new").isEqualTo(3_000);
            changeFacts(province, DAY);
            assertThat(night(province, DAY.plusDays(1))).isPositive();
            changeFacts(province, DAY.plusDays(1));
            assertThat(night(province, DAY.plusMonths(1))).isPositive();
            assertThat(night(province, DAY.plusYears(1))).isPositive();
            assertThat(night(province, DAY.plusYears(1))).as("the same night again").isZero();
        }
    }

    /** Reassesses every task as of {@code day} in one pass, puts the warnings back, and in batches: both decide alike. */
    private static int night(ProvinceDatabase province, LocalDate day) {
        DSLContext db = province.db;
        db.execute("drop table if exists warning_before");
        db.execute("create table warning_before as select * from task_warning");
        long lastChange = db.fetchOne("select coalesce(max(id), 0) from warning_change").get(0, Long.class);
        List<Long> plans = db.selectDistinct(PLANS_TASK.PLAN_ID).from(PLANS_TASK).fetch(PLANS_TASK.PLAN_ID);

        List<Object> onePassEvents = new ArrayList<>();
        int onePass = province.warnings(onePassEvents::add).recomputePlans(plans, day);
        Outcome expected = outcome(db, lastChange, onePassEvents);

        db.execute("delete from warning_change where id > ?", lastChange);
        db.execute("delete from task_warning");
        db.execute("insert into task_warning select * from warning_before");

        List<Object> batchedEvents = new ArrayList<>();
        int batched = province.warnings(batchedEvents::add).recomputeAll(day, BATCH);
        assertThat(batched).as("tasks changed on %s", day).isEqualTo(onePass);
        assertThat(outcome(db, lastChange, batchedEvents)).as("on %s", day).isEqualTo(expected);
        assertThat(batchedEvents.stream().filter(TasksAssessed.class::isInstance).count())
                .as("one assessment a batch that changed something").isGreaterThanOrEqualTo(Math.min(onePass, (onePass + BATCH - 1) / BATCH));
        return batched;
    }

    /**
     * What a night left: every stored warning (its moment only as kept or new: each run has its own now), the changes of
     * level recorded, the changes of level published and the tasks said to be assessed.
     */
    private record Outcome(List<String> warnings, List<String> changes, List<String> published, TreeSet<Long> assessed) {
    }

    private static Outcome outcome(DSLContext db, long lastChange, List<Object> events) {
        List<String> warnings = db.fetch("""
                select w.task_id, w.plan_id, w.level, w.schedule_status, w.reasons, w.assessed_on,
                       w.since = b.since as since_kept
                from task_warning w left join warning_before b on b.task_id = w.task_id
                order by w.task_id""").map(r -> r.intoList().toString());
        List<String> changes = db.fetch("""
                select task_id, from_level, to_level, reasons from warning_change where id > ? order by task_id""", lastChange)
                .map(r -> r.intoList().toString());
        List<String> published = events.stream().filter(WarningLevelChanged.class::isInstance).map(WarningLevelChanged.class::cast)
                .map(e -> List.of(e.taskId(), e.from(), e.to(), e.reasons()).toString()).sorted().toList();
        TreeSet<Long> assessed = new TreeSet<>();
        events.stream().filter(TasksAssessed.class::isInstance).forEach(e -> assessed.addAll(((TasksAssessed) e).taskIds()));
        return new Outcome(warnings, changes, published, assessed);
    }

    /** Every fact the assessment reads changes for some tasks (picked by their ids, so both runs see the same). */
    private static void changeFacts(ProvinceDatabase province, LocalDate day) {
        DSLContext db = province.db;
        db.execute("update task set status = 'CLOSED' where id % 11 = 0 and status in ('ASSIGNED', 'IN_PROGRESS')");
        db.execute("update task set status = 'REOPENED' where id % 13 = 0 and status = 'CLOSED'");
        db.execute("update task set status = 'ASSIGNED' where id % 17 = 0 and status = 'IN_PROGRESS'");
        db.execute("update report_slot set submitted_report_id = null, state = 'DRAFT' where id % 7 = 0 and submitted_report_id is not null");
        db.execute("update supervision_notice set replied_at = null, replied_late = false, reply_by = cast(? as date) where id % 2 = 0",
                day.minusDays(3));
        db.execute("update supervision_notice set replied_at = cast(? as timestamptz), replied_late = true where id % 2 = 1",
                day.minusDays(1).atStartOfDay(ProvinceDatabase.ZONE).toOffsetDateTime());
        db.execute("""
                insert into supervision_settings (plan_id, blue_days, report_grace_days) select min(id), 60, 0 from plan
                on conflict (plan_id) do update set blue_days = excluded.blue_days + 30""");
        db.execute("update milestone set due_on = due_on + 20 where id % 5 = 0");
        db.execute("update task t set deadline = (select max(due_on) from milestone m where m.task_id = t.id) where id % 5 < 2");
        assertThat(db.fetchOne("select count(*) from supervision_notice").get(0, Integer.class)).as("notices to change").isPositive();
    }
}
