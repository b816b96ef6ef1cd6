package org.rectify.generator;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.plans.UnitRole;
import org.rectify.progress.ReportState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.access.internal.db.Tables.ACCOUNT;
import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;
import static org.rectify.progress.internal.db.Tables.EVIDENCE;
import static org.rectify.plans.internal.db.Tables.MILESTONE;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORTING_CADENCE;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_ATTACHMENT;
import static org.rectify.progress.internal.db.Tables.REPORT_EVENT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.supervision.internal.db.Tables.SUPERVISION_NOTICE;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The province generator on the shared database (which holds the demo, so every run here appends). Runs that only
 * count or compare roll back; one smaller province (200 tasks) is committed for the ledger API to serve.
 */
@IntegrationTest
class GeneratorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String PASSWORD = "generated-province-1";
    private static GeneratedProvince committed;

    @Autowired
    Generator generator;

    @Autowired
    DSLContext db;

    @Autowired
    org.rectify.audit.AuditLog auditLog;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformTransactionManager transactions;

    /** 2 cities × 2 counties, 2 departments each, 6 townships, 500 tasks with 3 reports each. */
    private static GeneratorOptions small(long seed) {
        return new GeneratorOptions(2, 2, 2, 6, 500, 3, seed, true, PASSWORD, TODAY);
    }

    @Test
    void every_table_holds_as_many_rows_as_the_options_ask_for() {
        Map<String, Long> counted = rolledBack(small(41), province -> {
            String path = db.select(UNIT.PATH).from(UNIT).where(UNIT.ID.eq(province.provinceUnitId())).fetchOne(UNIT.PATH);
            var tasks = DSL.select(TASK.ID).from(TASK).where(TASK.PLAN_ID.in(province.planIds()));
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("unit", (long) db.fetchCount(UNIT, UNIT.PATH.startsWith(path)));
            rows.put("account", (long) db.fetchCount(ACCOUNT, ACCOUNT.UNIT_ID.in(DSL.select(UNIT.ID).from(UNIT).where(UNIT.PATH.startsWith(path)))));
            rows.put("plan", (long) db.fetchCount(PLAN, PLAN.ID.in(province.planIds())));
            rows.put("reporting_cadence", (long) db.fetchCount(REPORTING_CADENCE, REPORTING_CADENCE.PLAN_ID.in(province.planIds())));
            rows.put("reporting_cycle", (long) db.fetchCount(REPORTING_CYCLE, REPORTING_CYCLE.PLAN_ID.in(province.planIds())));
            rows.put("task", (long) db.fetchCount(TASK, TASK.PLAN_ID.in(province.planIds())));
            rows.put("milestone", (long) db.fetchCount(MILESTONE, MILESTONE.TASK_ID.in(tasks)));
            rows.put("task_warning", (long) db.fetchCount(TASK_WARNING, TASK_WARNING.TASK_ID.in(tasks)));
            rows.put("warnings with their task's plan and position", (long) db.fetchCount(TASK_WARNING.join(TASK)
                    .on(TASK.ID.eq(TASK_WARNING.TASK_ID)), TASK.PLAN_ID.in(province.planIds())
                    .and(TASK_WARNING.PLAN_ID.eq(TASK.PLAN_ID)).and(TASK_WARNING.TASK_POSITION.eq(TASK.POSITION))));
            rows.put("report_slot", (long) db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.in(tasks)));
            rows.put("progress_report", (long) db.fetchCount(PROGRESS_REPORT, PROGRESS_REPORT.TASK_ID.in(tasks)));
            rows.put("report_event", (long) db.fetchCount(REPORT_EVENT, REPORT_EVENT.SLOT_ID.in(
                    DSL.select(REPORT_SLOT.ID).from(REPORT_SLOT).where(REPORT_SLOT.TASK_ID.in(tasks)))));
            rows.put("slots linked to their report", (long) db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.in(tasks)
                    .and(REPORT_SLOT.LATEST_REPORT_ID.isNotNull())));
            rows.put("submitted slots with a submitted report", (long) db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.in(tasks)
                    .and(REPORT_SLOT.STATE.eq(ReportState.SUBMITTED)).and(REPORT_SLOT.SUBMITTED_REPORT_ID.isNotNull())));
            rows.put("submitted slots", (long) db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.in(tasks).and(REPORT_SLOT.STATE.eq(ReportState.SUBMITTED))));
            rows.put("evidence attached", (long) db.fetchCount(REPORT_ATTACHMENT, REPORT_ATTACHMENT.REPORT_ID.in(
                    DSL.select(PROGRESS_REPORT.ID).from(PROGRESS_REPORT).where(PROGRESS_REPORT.TASK_ID.in(tasks)))));
            rows.put("evidence", (long) db.fetchCount(EVIDENCE, EVIDENCE.ID.in(DSL.select(REPORT_ATTACHMENT.EVIDENCE_ID).from(REPORT_ATTACHMENT)
                    .join(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_ATTACHMENT.REPORT_ID)).where(PROGRESS_REPORT.TASK_ID.in(tasks)))));
            rows.put("notices", (long) db.fetchCount(SUPERVISION_NOTICE, SUPERVISION_NOTICE.TASK_ID.in(tasks)));
            rows.put("reported as written", province.rows().values().stream().mapToLong(Long::longValue).sum());
            rows.put("written", province.rows().entrySet().stream().filter(e -> rows.containsKey(e.getKey()))
                    .mapToLong(e -> e.getValue() - rows.get(e.getKey())).sum());
            return rows;
        });
        // regions: 1 province + 2 cities + 4 counties, each with 2 departments, and 6 townships
        assertThat(counted.get("unit")).isEqualTo(7 * 3 + 6);
        // province: admin, office, supervisor, leader, head and staff of a department; each city an office, the
        // first also a supervisor and a leader; each city and county: an office and a department's head and staff
        assertThat(counted.get("account")).isEqualTo(6 + 2 * 3 + 2 + 4 * 3);
        assertThat(counted.get("plan")).isEqualTo(3);
        assertThat(counted.get("reporting_cadence")).isEqualTo(3);
        assertThat(counted.get("reporting_cycle")).isEqualTo(3 * (8 * 12 + 1));
        assertThat(counted.get("task")).isEqualTo(500);
        assertThat(counted.get("milestone")).isEqualTo(1000);
        assertThat(counted.get("task_warning")).isEqualTo(500);
        assertThat(counted.get("warnings with their task's plan and position")).isEqualTo(500);
        assertThat(counted.get("report_slot")).isEqualTo(1500);
        assertThat(counted.get("progress_report")).isEqualTo(1500);
        assertThat(counted.get("report_event")).isEqualTo(1500);
        assertThat(counted.get("slots linked to their report")).isEqualTo(1500);
        assertThat(counted.get("submitted slots with a submitted report")).isEqualTo(counted.get("submitted slots")).isGreaterThan(1300);
        assertThat(counted.get("evidence")).isEqualTo(counted.get("evidence attached")).isPositive();
        assertThat(counted.get("notices")).isPositive();
        assertThat(counted.get("written")).as("the counts the generator reports are the rows in the database").isZero();
    }

    @Test
    void the_same_seed_gives_the_same_province_and_another_seed_another() {
        String first = rolledBack(small(42), this::digest);
        String again = rolledBack(small(42), this::digest);
        String other = rolledBack(small(43), this::digest);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void a_generated_county_office_sees_through_the_ledger_api_exactly_its_countys_tasks() throws Exception {
        GeneratedProvince province = committedProvince();
        String username = "g40-c01-k01-office";
        long unit = db.select(ACCOUNT.UNIT_ID).from(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOne(ACCOUNT.UNIT_ID);
        String county = db.select(UNIT.PATH).from(UNIT).where(UNIT.ID.eq(unit)).fetchOne(UNIT.PATH);
        Set<Long> inCounty = Set.copyOf(db.selectDistinct(TASK_UNIT.TASK_ID).from(TASK_UNIT).join(UNIT).on(UNIT.ID.eq(TASK_UNIT.UNIT_ID))
                .where(UNIT.PATH.startsWith(county)).fetch(TASK_UNIT.TASK_ID));
        assertThat(inCounty).isNotEmpty().hasSizeLessThan(200);

        String body = mvc.perform(get("/api/tasks").param("size", "200").with(httpBasic(username, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        Set<Long> seen = new java.util.HashSet<>();
        json.get("tasks").forEach(t -> seen.add(t.get("id").asLong()));
        assertThat(json.get("total").asLong()).isEqualTo(inCounty.size());
        assertThat(seen).isEqualTo(inCounty);
        assertThat(province.planIds()).hasSize(3);
    }

    @Test
    void the_load_is_recorded_in_the_audit_chain_with_its_counts() {
        GeneratedProvince province = committedProvince();
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        var entry = db.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ACTION.eq("generator.loaded"))
                .and(AUDIT_ENTRY.OBJECT.eq("unit:" + province.provinceUnitId())).fetchOne();
        assertThat(entry).isNotNull();
        assertThat(entry.getActor()).isEqualTo("generator");
        assertThat(entry.getChange()).contains("\"task\":200");
    }

    @Test
    void a_database_that_holds_tasks_is_refused_without_append_and_nothing_is_written() {
        int tasks = db.fetchCount(TASK);
        assertThatThrownBy(() -> generator.generate(small(44).withAppend(false)))
                .isInstanceOf(GeneratorRefused.class).hasMessageContaining("already holds").hasMessageContaining("--append");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GenerateCommand.run(generator, small(44).withAppend(false), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("generate: The database already holds");
        assertThat(db.fetchCount(TASK)).isEqualTo(tasks);
    }

    @Test
    void wrong_options_are_told_in_a_sentence() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(GenerateCommand.options(new String[]{"generate", "--tasks=many"}, new PrintStream(err, true, StandardCharsets.UTF_8), TODAY)).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tasks must be a whole number, not \"many\"");
        assertThatThrownBy(() -> GeneratorOptions.parse(new String[]{"--password=short"}, TODAY))
                .hasMessage("--password must have at least 10 characters.");
        assertThat(GeneratorOptions.parse(new String[]{"generate", "--cities=3", "--append", "--rectify.data-dir=x"}, TODAY))
                .isEqualTo(new GeneratorOptions(3, 9, 4, 0, 100_000, 10, 1, true, null, TODAY));
    }

    private synchronized GeneratedProvince committedProvince() {
        if (committed == null) {
            // smaller than the rolled-back runs: it stays in the shared database that other tests read
            committed = generator.generate(new GeneratorOptions(2, 2, 2, 6, 200, 2, 40, true, PASSWORD, TODAY));
        }
        return committed;
    }

    /** Selected columns of everything a run wrote, in the order written, without identity values. */
    private String digest(GeneratedProvince province) {
        String path = db.select(UNIT.PATH).from(UNIT).where(UNIT.ID.eq(province.provinceUnitId())).fetchOne(UNIT.PATH);
        List<String> parts = List.of(
                db.select(DSL.md5(DSL.groupConcat(DSL.concat(UNIT.NAME, UNIT.LEVEL, UNIT.TYPE)).orderBy(UNIT.ID).separator(",")))
                        .from(UNIT).where(UNIT.PATH.startsWith(path)).fetchOne(0, String.class),
                db.select(DSL.md5(DSL.groupConcat(DSL.concat(ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME, ACCOUNT.ROLE)).orderBy(ACCOUNT.ID).separator(",")))
                        .from(ACCOUNT).join(UNIT).on(UNIT.ID.eq(ACCOUNT.UNIT_ID)).where(UNIT.PATH.startsWith(path)).fetchOne(0, String.class),
                db.select(DSL.md5(DSL.groupConcat(DSL.concat(TASK.REF, TASK.TITLE, TASK.TEXT, TASK.MEASURES, TASK.STATUS,
                                TASK.DEADLINE.cast(String.class), UNIT.NAME)).orderBy(TASK.ID).separator(",")))
                        .from(TASK).join(TASK_UNIT).on(TASK_UNIT.TASK_ID.eq(TASK.ID).and(TASK_UNIT.ROLE.eq(UnitRole.LEAD)))
                        .join(UNIT).on(UNIT.ID.eq(TASK_UNIT.UNIT_ID))
                        .where(TASK.PLAN_ID.in(province.planIds())).fetchOne(0, String.class),
                db.select(DSL.md5(DSL.groupConcat(DSL.concat(PROGRESS_REPORT.STATUS, PROGRESS_REPORT.WORK_DONE, PROGRESS_REPORT.PHASE,
                                PROGRESS_REPORT.SUBMITTED_AT.cast(String.class), REPORTING_CYCLE.PERIOD_START.cast(String.class)))
                                .orderBy(PROGRESS_REPORT.ID).separator(",")))
                        .from(PROGRESS_REPORT).join(REPORTING_CYCLE).on(REPORTING_CYCLE.ID.eq(PROGRESS_REPORT.CYCLE_ID))
                        .where(REPORTING_CYCLE.PLAN_ID.in(province.planIds())).fetchOne(0, String.class),
                db.select(DSL.md5(DSL.groupConcat(DSL.concat(TASK_WARNING.LEVEL, TASK_WARNING.REASONS)).orderBy(TASK_WARNING.TASK_ID).separator(",")))
                        .from(TASK_WARNING).join(TASK).on(TASK.ID.eq(TASK_WARNING.TASK_ID))
                        .where(TASK.PLAN_ID.in(province.planIds())).fetchOne(0, String.class));
        return String.join("/", parts);
    }

    /** Generates in a transaction, looks at the result inside it, and rolls everything back. */
    private <T> T rolledBack(GeneratorOptions options, Function<GeneratedProvince, T> look) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return look.apply(generator.generate(options));
        });
    }
}
