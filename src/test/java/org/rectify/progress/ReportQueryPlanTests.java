package org.rectify.progress;

import org.rectify.SlowTest;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.platform.EmbeddedDatabaseServer;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;
import static org.rectify.DemoLogins.office;
import static org.rectify.progress.internal.db.Tables.MEASUREMENT;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The matrix and "due this cycle" read one cycle's slots through an index, however many reports there are: with
 * ~100,000 slots in the table, the plans PostgreSQL chooses for the views' queries use the indexes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class ReportQueryPlanTests {

    private static final int CYCLES = 300;

    @Autowired
    EmbeddedDatabaseServer server;
    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;

    ProgressFixture plan;
    List<Long> tasks;
    long someCycle;

    @BeforeAll
    void manyReports() throws Exception {
        plan = ProgressFixture.bare(mvc, units, LocalDate.now(clock));
        tasks = List.of(plan.epbTask(), plan.epbTask(), plan.epbTask(), plan.epbTask(), plan.epbTask());
        LocalDate first = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < CYCLES; i++) {
            LocalDate start = first.plusMonths(i);
            db.insertInto(REPORTING_CYCLE).set(REPORTING_CYCLE.PLAN_ID, plan.planId).set(REPORTING_CYCLE.KIND, "MONTHLY")
                    .set(REPORTING_CYCLE.SEQ, i + 1).set(REPORTING_CYCLE.PERIOD_START, start)
                    .set(REPORTING_CYCLE.PERIOD_END, start.plusMonths(1).minusDays(1))
                    .set(REPORTING_CYCLE.DUE_ON, start.withDayOfMonth(25)).set(REPORTING_CYCLE.GRACE_UNTIL, start.withDayOfMonth(28))
                    .execute();
        }
        // every unit × every task × every cycle: a slot each (about 100,000)
        db.insertInto(REPORT_SLOT, REPORT_SLOT.CYCLE_ID, REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, REPORT_SLOT.STATE,
                        REPORT_SLOT.UPDATED_AT)
                .select(db.select(REPORTING_CYCLE.ID, TASK.ID, UNIT.ID, inline(ReportState.SUBMITTED, REPORT_SLOT.STATE), val(java.time.OffsetDateTime.now(clock)))
                        .from(REPORTING_CYCLE).crossJoin(TASK).crossJoin(UNIT)
                        .where(REPORTING_CYCLE.PLAN_ID.eq(plan.planId).and(TASK.PLAN_ID.eq(plan.planId))))
                .execute();
        // ANALYZE is the table owner's: the application role may only read and write rows
        DSL.using(server.ownerDataSource(), SQLDialect.POSTGRES).query("analyze report_slot").execute();
        someCycle = db.select(REPORTING_CYCLE.ID).from(REPORTING_CYCLE).where(REPORTING_CYCLE.PLAN_ID.eq(plan.planId))
                .orderBy(REPORTING_CYCLE.PERIOD_START).offset(CYCLES / 2).limit(1).fetchOne(REPORTING_CYCLE.ID);
    }

    @Test
    void the_matrix_reads_one_cycles_slots_through_an_index() {
        assertThat(db.fetchCount(REPORT_SLOT)).isGreaterThan(90_000);
        usesAnIndex(slotsOf(REPORT_SLOT.CYCLE_ID.eq(someCycle)));
    }

    @Test
    void due_this_cycle_reads_a_units_slots_of_a_cycle_through_an_index() {
        long epb = plan.unit("市环境保护局");
        usesAnIndex(slotsOf(REPORT_SLOT.UNIT_ID.in(epb).and(REPORT_SLOT.CYCLE_ID.eq(someCycle))));
    }

    @Test
    void a_tasks_indicator_history_reads_its_slots_through_an_index() {
        usesAnIndex(db.select(MEASUREMENT.VALUE).from(REPORT_SLOT)
                .join(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.SUBMITTED_REPORT_ID))
                .join(MEASUREMENT).on(MEASUREMENT.REPORT_ID.eq(PROGRESS_REPORT.ID))
                .where(REPORT_SLOT.TASK_ID.eq(tasks.get(0))));
    }

    @Test
    void the_matrix_of_a_cycle_answers_among_many_reports() throws Exception {
        // its answer time is a benchmark's (DashboardBenchmark with the matrix path), not a test's
        mvc.perform(get("/api/progress/matrix").param("planId", "" + plan.planId).param("cycleId", "" + someCycle)
                        .with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(5));
    }

    private ResultQuery<?> slotsOf(org.jooq.Condition where) {
        return db.select(REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, REPORT_SLOT.STATE, PROGRESS_REPORT.VERSION)
                .from(REPORT_SLOT).leftJoin(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.LATEST_REPORT_ID))
                .where(where);
    }

    private void usesAnIndex(Query query) {
        String plan = db.explain(query).plan();
        assertThat(plan).as(plan).doesNotContain("Seq Scan on report_slot").containsPattern("Index.* on report_slot");
    }
}
