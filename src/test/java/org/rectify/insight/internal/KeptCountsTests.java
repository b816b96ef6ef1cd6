package org.rectify.insight.internal;

import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.progress.DueReports;
import org.rectify.supervision.CircularFacts;
import org.rectify.supervision.CircularPeriod;
import org.springframework.http.MediaType;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskFigureConditions;
import org.rectify.plans.TaskStatus;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.rectify.TestTasks.command;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counts and panels kept from events equal those rebuilt from scratch and the live count, and a county sees only its
 * county through them.
 */
@IntegrationTest
class KeptCountsTests {

    private static final String PLAN = "计数测试方案";

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    Warnings warnings;
    @Autowired
    KeptCounts kept;
    @Autowired
    KeptCountsUpdates updates;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DSLContext db;
    @Autowired
    TaskFigureConditions figures;
    @Autowired
    Figures dashboard;
    @Autowired
    CountedFigures counted;
    @Autowired
    DueReports dueReports;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void the_counts_kept_through_a_random_sequence_of_commands_equal_a_rebuild_from_scratch() throws Exception {
        // from counts equal to the tables: other tests in this context change rows by SQL, behind the events' back
        kept.rebuild();
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, PLAN);
        LocalDate today = warnings.today();
        cadence(tasks.planId(), today, 3);
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long linxiangGov = units.resolve("临翔区政府").orElseThrow().id();
        long linxiangCounty = units.resolve("临翔区").orElseThrow().id();
        List<List<Long>> leads = List.of(List.of(units.resolve("临翔区").orElseThrow().id()), List.of(units.resolve("市林业局").orElseThrow().id()),
                List.of(units.resolve("临沧市").orElseThrow().id()), List.of(epb), List.of(linxiangGov), List.of(epb, linxiangGov));
        Random random = new Random(13);
        List<Long> ids = new ArrayList<>();
        Map<Long, String> reporters = new java.util.HashMap<>(); // a task's lead unit's staff account, where the demo has one
        for (int i = 0; i < 12; i++) {
            LocalDate deadline = today.plusDays(random.nextInt(400) - 200);
            List<Long> lead = leads.get(random.nextInt(leads.size()));
            long id = i % 4 == 0 ? tasks.draft("计数任务" + i, lead.get(0), deadline) : tasks.startedLedBy("计数任务" + i, lead, deadline);
            ids.add(id);
            if (lead.contains(epb) || lead.contains(linxiangGov)) {
                reporters.put(id, lead.contains(epb) && (!lead.contains(linxiangGov) || random.nextBoolean()) ? "epb-staff" : "linxiang-staff");
            }
        }
        List<Long> reporting = List.copyOf(reporters.keySet());
        TaskCommand[] commands = TaskCommand.values();
        for (int step = 0; step < 80; step++) {
            long id = ids.get(random.nextInt(ids.size()));
            int action = random.nextInt(10);
            if (step == 40) {
                cadence(tasks.planId(), today, 12); // the grace periods still open move: on time and late judged anew
            } else if (step == 60) {
                // the county's office runs the plan now: its tasks' office keys and who reads their reporting change
                plans.changeOwner(tasks.planId(), linxiangCounty);
            } else if (action < 2) {
                warnings.recompute(id, today);
            } else if (action < 5) {
                List<Long> cycles = cycles(tasks.planId());
                long task = reporting.get(random.nextInt(reporting.size()));
                // refused when the task is closed or not assigned, or the cycle has its report: nothing changes then
                report(task, cycles.get(random.nextInt(cycles.size())), reporters.get(task));
            } else {
                TaskStatus status = TaskStatus.valueOf(jdbc.queryForObject("select status from task where id = ?", String.class, id));
                List<TaskCommand> allowed = java.util.Arrays.stream(commands).filter(c -> c.allowedFrom(status)).toList();
                if (!allowed.isEmpty()) {
                    command(mvc, id, allowed.get(random.nextInt(allowed.size())).name());
                }
            }
        }
        // and, whatever the sequence left reporting, one report on time and one late on a task that still reports
        long reports = tasks.startedLedBy("计数报送任务", List.of(epb), today.plusDays(300));
        report(reports, cycleDue(tasks.planId(), today.plusDays(10)), "epb-staff");
        report(reports, cycleDue(tasks.planId(), today.minusDays(40)), "epb-staff");
        ids.add(reports);
        ids.forEach(id -> warnings.recompute(id, today));

        updates.awaitApplied(); // applied by the node's applier after each command answered
        Map<String, List<Map<String, Object>>> keptTables = new java.util.LinkedHashMap<>();
        TABLES.forEach((table, query) -> keptTables.put(table, jdbc.queryForList(query)));
        assertThat(jdbc.queryForObject("select count(*) from insight_count where scope_key = 'A' and plan_id = ?", Integer.class,
                tasks.planId())).isPositive();
        String planTasks = "select sum(tasks) from insight_count where scope_key = ? and plan_id = ?";
        assertThat(jdbc.queryForObject(planTasks, Integer.class, TaskTally.office(units.get(linxiangCounty).path()), tasks.planId()))
                .as("the plan's tasks under its new office").isPositive()
                .isEqualTo(jdbc.queryForObject(planTasks, Integer.class, TaskTally.ALL, tasks.planId()));
        for (String table : List.of("insight_week", "insight_owed")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where scope_key = 'A' and plan_id = ?", Integer.class,
                    tasks.planId())).as(table).isPositive();
        }
        String slots = "select count(*) from insight_slot s join reporting_cycle c on c.id = s.cycle_id where c.plan_id = ? and ";
        assertThat(jdbc.queryForObject(slots + "s.on_time > 0", Integer.class, tasks.planId())).as("reports on time").isPositive();
        assertThat(jdbc.queryForObject(slots + "s.late > 0", Integer.class, tasks.planId())).as("late reports").isPositive();
        the_ranking_and_the_trend_from_the_kept_facts_equal_the_live_count(tasks.planId(), today);
        kept.rebuild();
        TABLES.forEach((table, query) -> assertThat(jdbc.queryForList(query)).as(table).isEqualTo(keptTables.get(table)));
        assertThat(kept.stale()).isFalse();
    }

    /**
     * Issue 14, Q4: a report's counts are applied by the node's applier after the submission has answered. Eight clients
     * submitting at once (on tasks assigned, so a first report starts its task and has it counted anew, and on tasks in
     * progress, whose reports are added), on time and late: once the node's changes are applied nothing waits, the
     * dashboard read right after shows every report, and the kept tables equal a rebuild from scratch.
     */
    @Test
    void reports_submitted_by_eight_clients_at_once_are_counted_after_they_answer_exactly_as_a_rebuild_counts_them() throws Exception {
        updates.awaitApplied();
        kept.rebuild();
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "并发计数方案");
        LocalDate today = warnings.today();
        cadence(tasks.planId(), today, 3);
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if (i % 2 == 0) {
                long id = tasks.draft("并发任务" + i, epb, today.plusDays(200));
                command(mvc, id, "ASSIGN");
                ids.add(id);
            } else {
                ids.add(tasks.startedLedBy("并发任务" + i, List.of(epb), today.plusDays(200)));
            }
        }
        List<Long> cycles = cycles(tasks.planId());
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        try {
            for (long id : ids) {
                done.add(clients.submit(() -> {
                    for (long cycle : cycles) { // past grace (late), in grace, not yet due (on time)
                        report(id, cycle, "epb-staff");
                    }
                    return null;
                }));
            }
            for (var d : done) {
                d.get();
            }
        } finally {
            clients.shutdown();
        }
        int submitted = jdbc.queryForObject("select count(*) from report_slot s join task t on t.id = s.task_id "
                + "where t.plan_id = ? and s.state = 'SUBMITTED'", Integer.class, tasks.planId());
        assertThat(submitted).as("reports submitted").isEqualTo(ids.size() * cycles.size());

        String planSlots = "select coalesce(sum(s.on_time + s.late), 0) from insight_slot s join reporting_cycle c on c.id = s.cycle_id "
                + "where c.plan_id = ? and s.scope_key = 'A'";
        updates.awaitApplied();
        assertThat(jdbc.queryForObject("select count(*) from insight_pending", Integer.class)).as("changes waiting").isZero();
        assertThat(jdbc.queryForObject(planSlots, Integer.class, tasks.planId())).as("reports counted").isEqualTo(submitted);
        String dashboard = mvc.perform(get("/api/insight").param("planId", String.valueOf(tasks.planId())).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(dashboard, "$.headline.total")).intValue()).as("the plan's tasks on the dashboard")
                .isEqualTo(ids.size());
        assertThat(jdbc.queryForObject("select count(*) from insight_task where plan_id = ? and status = 'IN_PROGRESS'",
                Integer.class, tasks.planId())).as("tasks started by their first report, counted anew").isEqualTo(ids.size());

        Map<String, List<Map<String, Object>>> applied = new java.util.LinkedHashMap<>();
        TABLES.forEach((table, query) -> applied.put(table, jdbc.queryForList(query)));
        kept.rebuild();
        TABLES.forEach((table, query) -> assertThat(jdbc.queryForList(query)).as(table).isEqualTo(applied.get(table)));
    }

    /**
     * The rebuild sums the stored tallies in SQL (issue 14): on the demo's plans and the tests' own, it gives exactly the
     * counts that counting every task one by one gives ({@link KeptCounts#refresh}, the tasks' deltas summed in Java).
     */
    @Test
    void a_rebuild_on_several_plans_equals_the_counts_kept_task_by_task() {
        updates.awaitApplied();
        List<Long> all = jdbc.queryForList("select id from task order by id", Long.class);
        transactions.executeWithoutResult(s -> {
            jdbc.execute("lock table insight_task in exclusive mode");
            List.of("insight_count", "insight_month", "insight_deadline", "insight_week", "insight_owed", "insight_slot",
                    "insight_task_unit", "insight_task_slot", "insight_task").forEach(table -> jdbc.update("delete from " + table));
            // in two batches, each more tasks than a command's few (its sums bound as arrays), the second adding to
            // rows the first wrote
            assertThat(all.size()).isGreaterThan(2 * KeptCounts.COMMAND_TASKS); // the demo alone has 64
            kept.refresh(all.subList(0, all.size() / 2));
            kept.refresh(all.subList(all.size() / 2, all.size()));
        });
        assertThat(jdbc.queryForObject("select count(distinct plan_id) from insight_count where scope_key = 'A' and tasks > 0",
                Integer.class)).as("plans counted").isGreaterThanOrEqualTo(3);
        Map<String, String> tables = new java.util.LinkedHashMap<>(TABLES);
        tables.put("insight_task", "select task_id, plan_id, section, item, status, schedule, level, due_month, closed_month, "
                + "array_to_string(keys, ',') as keys, deadline, array_to_string(level_weeks, ',') as weeks from insight_task order by task_id");
        Map<String, List<Map<String, Object>>> taskByTask = new java.util.LinkedHashMap<>();
        tables.forEach((table, query) -> taskByTask.put(table, jdbc.queryForList(query)));
        taskByTask.forEach((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        assertThat(kept.rebuild()).isEqualTo(all.size());

        tables.forEach((table, query) -> assertThat(jdbc.queryForList(query)).as(table).isEqualTo(taskByTask.get(table)));
        assertThat(kept.stale()).isFalse();
    }

    /** The ranking and the trend as the dashboard reads them from the kept facts, beside the live count of each. */
    private void the_ranking_and_the_trend_from_the_kept_facts_equal_the_live_count(long planId, LocalDate today) {
        updates.awaitApplied();
        String city = units.get(units.resolve("临沧市").orElseThrow().id()).path();
        org.rectify.units.Unit linxiang = units.get(units.resolve("临翔区").orElseThrow().id());
        org.rectify.units.Unit epb = units.get(units.resolve("市环境保护局").orElseThrow().id());
        LocalDate from = today.minusDays(80);
        LocalDate to = today.plusDays(20);
        int compared = 0;
        for (DataScope scope : List.of(DataScope.ALL, DataScope.ofJurisdiction(city), DataScope.ofJurisdiction(linxiang.path()),
                DataScope.ofUnit(linxiang.path()), DataScope.ofUnit(epb.path()))) {
            for (Long unit : java.util.Arrays.asList(null, linxiang.id())) {
                InsightFilter filter = new InsightFilter(planId, null, unit, from, to);
                // a unit filter outside the caller's subtree is counted live (and compared all the same)
                boolean kept = unit == null || scope.isAll() || linxiang.path().startsWith(scope.unitPath());
                assertThat(counted.reportingKey(filter, scope).isPresent()).as("kept facts answer %s, unit %s", scope, unit)
                        .isEqualTo(kept);
                var due = dueReports.between(from, to, planId, scope).stream()
                        .filter(d -> unit == null || units.subtree(unit).stream().anyMatch(u -> u.id() == d.unitId())).toList();
                var live = CircularFacts.of(new CircularPeriod(from, to), today, null, due, List.of(), List.of()).reportingRanking();
                assertThat(dashboard.reporting(filter, scope, today).stream().map(Dashboard.UnitReporting::reporting).toList())
                        .as("ranking of %s, unit %s", scope, unit).isEqualTo(live.stream().limit(Figures.MAX_UNITS).toList());
                compared += live.size();
                counted.key(filter, scope).ifPresent(key -> assertThat(Figures.trend(counted.weeks(key, filter,
                        Figures.firstMonday(today)), today)).as("trend of %s, unit %s", scope, unit)
                        .isEqualTo(dashboard.trend(dashboard.tasks(filter, scope), today)));
            }
        }
        assertThat(compared).as("units ranked").isGreaterThan(4);
    }

    private void cadence(long planId, LocalDate today, int graceDays) throws Exception {
        mvc.perform(put("/api/progress/plans/{id}/cadence", planId).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "CUSTOM", "graceDays": %d, "startsOn": "%s", "customDueDates": ["%s", "%s", "%s", "%s"]}"""
                                .formatted(graceDays, today.minusDays(70), today.minusDays(40), today.minusDays(8), today.minusDays(1),
                                        today.plusDays(10))))
                .andExpect(status().isOk());
    }

    private long cycleDue(long planId, LocalDate dueOn) {
        return jdbc.queryForObject("select id from reporting_cycle where plan_id = ? and due_on = ?", Long.class, planId, dueOn);
    }

    private List<Long> cycles(long planId) {
        return jdbc.queryForList("select id from reporting_cycle where plan_id = ? order by id", Long.class, planId);
    }

    private void report(long taskId, long cycleId, String account) throws Exception {
        mvc.perform(post("/api/progress/reports").with(as(account)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"taskId": %d, "cycleId": %d, "submit": true,
                         "content": {"workDone": "本月完成现场整治。", "phase": "IN_PROGRESS", "onSchedule": true}}"""
                        .formatted(taskId, cycleId)));
    }

    @Test
    void a_county_office_sees_its_county_only_and_the_same_tasks_as_its_ledger() throws Exception {
        String county = mvc.perform(get("/api/insight").with(as("linxiang-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String ledger = mvc.perform(get("/api/tasks").with(as("linxiang-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String city = mvc.perform(get("/api/insight").with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int total = JsonPath.read(county, "$.headline.total");
        assertThat(total).isPositive().isEqualTo((Integer) JsonPath.read(ledger, "$.total"))
                .isLessThan((Integer) JsonPath.read(city, "$.headline.total"));
        List<Long> linxiang = units.subtree(units.resolve("临翔区").orElseThrow().id()).stream().map(org.rectify.units.Unit::id).toList();
        List<Number> bars = JsonPath.read(county, "$.units[*].unitId");
        assertThat(bars).allSatisfy(id -> assertThat(linxiang).contains(id.longValue()));
    }

    @Test
    void each_figure_read_from_the_kept_facts_holds_for_the_same_tasks_as_the_ledger_condition() {
        updates.awaitApplied();
        List<Map<String, Object>> facts = jdbc.queryForList("select task_id, status, schedule, level from insight_task");
        assertThat(facts).isNotEmpty();
        int found = 0;
        for (TaskFigure figure : TaskFigure.values()) {
            Set<Long> byCondition = new HashSet<>(db.select(TASK.ID).from(TASK).where(figures.of(figure)).fetch(TASK.ID));
            Set<Long> byFacts = facts.stream().filter(f -> figures.holds(figure, (String) f.get("status"),
                    (String) f.get("schedule"), (String) f.get("level"))).map(f -> ((Number) f.get("task_id")).longValue())
                    .collect(Collectors.toSet());
            assertThat(byFacts).as(figure.name()).isEqualTo(byCondition);
            found += byCondition.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("figures the demo has tasks for").isGreaterThan(3);
    }

    @Test
    void the_counts_kept_per_item_equal_the_live_count_and_the_ledger_through_moves_closings_and_a_change_of_owner() throws Exception {
        kept.rebuild();
        long city = units.resolve("临沧市").orElseThrow().id();
        long planId = plans.findByTitle(ITEM_PLAN).orElseGet(() -> plans.createPlan(null, ITEM_PLAN, "测试", null, city));
        LocalDate today = warnings.today();
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long linxiang = units.resolve("临翔区").orElseThrow().id();
        long linxiangGov = units.resolve("临翔区政府").orElseThrow().id();
        long moved = task(planId, "二(一)2", linxiangGov, today.plusDays(30));
        long closed = task(planId, "六1", epb, today.minusDays(10));
        task(planId, "二(一)1", epb, today.plusDays(90));
        task(planId, "二(二)1", linxiang, today.minusDays(5));
        long renumbered = task(planId, "六12", linxiangGov, today.plusDays(60));
        task(planId, "六2", epb, today.plusDays(10));
        List<String> items = List.of("二(一)", "二（二）", "六1", "六2");
        theItemsAgree(planId, items, today, "created");
        move(moved, planId, "二(二)3");
        move(renumbered, planId, "六23");
        theItemsAgree(planId, items, today, "moved to another item");
        command(mvc, closed, "REQUEST_CLOSURE");
        command(mvc, closed, "CLOSE");
        theItemsAgree(planId, items, today, "closed");
        command(mvc, closed, "REOPEN");
        theItemsAgree(planId, items, today, "reopened");
        plans.changeOwner(planId, linxiang);
        theItemsAgree(planId, items, today, "run by the county's office");
    }

    /** For each item, in each scope: the kept headline equals the live count, and each figure the ledger's total. */
    private void theItemsAgree(long planId, List<String> items, LocalDate today, String after) throws Exception {
        updates.awaitApplied();
        String linxiang = units.get(units.resolve("临翔区").orElseThrow().id()).path();
        String epb = units.get(units.resolve("市环境保护局").orElseThrow().id()).path();
        String city = units.get(units.resolve("临沧市").orElseThrow().id()).path();
        for (String item : items) {
            for (Long plan : java.util.Arrays.asList(planId, null)) {
                InsightFilter filter = new InsightFilter(plan, item, null, null, null);
                for (DataScope scope : List.of(DataScope.ALL, DataScope.ofJurisdiction(city), DataScope.ofJurisdiction(linxiang),
                        DataScope.ofUnit(epb))) {
                    String key = counted.key(filter, scope).orElseThrow(() -> new AssertionError("kept counts answer " + item));
                    var live = dashboard.headline(dashboard.tasks(filter, scope), today);
                    var fromKept = counted.headline(key, filter);
                    assertThat(fromKept.total()).as("%s, %s in %s, after %s", item, plan, scope, after).isEqualTo(live.total());
                    assertThat(fromKept.counts()).as("%s, %s in %s, after %s", item, plan, scope, after).isEqualTo(live.counts());
                    assertThat(Figures.burnUp(counted.months(key, filter), today)).as("burn-up of %s after %s", item, after)
                            .isEqualTo(dashboard.burnUp(dashboard.tasks(filter, scope), today));
                    assertThat(counted.lastDeadline(key, filter)).as("last deadline of %s after %s", item, after)
                            .isEqualTo(db.select(org.jooq.impl.DSL.max(TASK.DEADLINE)).from(TASK)
                                    .where(TASK.ID.in(db.select(org.rectify.plans.api.Tables.PLANS_TASK.ID)
                                            .from(org.rectify.plans.api.Tables.PLANS_TASK).where(dashboard.tasks(filter, scope))))
                                    .fetchOne(0, LocalDate.class));
                }
            }
            // what the office sees on the dashboard beside the ledger it links to, figure by figure
            String query = "planId=" + planId + "&section=" + item;
            String figures = mvc.perform(get("/api/insight?" + query).with(office())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(((Number) JsonPath.read(figures, "$.headline.total")).longValue()).as("%s after %s", item, after)
                    .isEqualTo(ledgerTotal(query));
            for (TaskFigure figure : TaskFigure.values()) {
                assertThat(((Number) JsonPath.read(figures, "$.headline.counts." + figure.name())).longValue())
                        .as("%s of %s after %s", figure, item, after).isEqualTo(ledgerTotal(query + "&figure=" + figure));
            }
        }
    }

    private long ledgerTotal(String query) throws Exception {
        String ledger = mvc.perform(get("/api/tasks?" + query).with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(ledger, "$.total")).longValue();
    }

    /** A task of the plan under the reference, led by the unit, assigned and started. */
    private long task(long planId, String ref, long leadUnitId, LocalDate deadline) throws Exception {
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "%s", "title": "条目任务%s", "text": "条目任务",
                         "leadUnits": {"unitIds": [%d]}, "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(planId, ref, ref, leadUnitId, deadline)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        command(mvc, id, "ASSIGN");
        command(mvc, id, "START");
        return id;
    }

    /** The task moved to another section or item: its reference edited as the office edits it. */
    private void move(long taskId, long planId, String ref) throws Exception {
        String task = mvc.perform(get("/api/tasks/{id}", taskId).with(office())).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(task, "$.version");
        long lead = ((Number) JsonPath.read(task, "$.leadUnits[0].unitId")).longValue();
        String deadline = JsonPath.read(task, "$.deadline");
        mvc.perform(put("/api/tasks/{id}", taskId).with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"version": %d, "task": {"planId": %d, "ref": "%s", "title": "条目任务", "text": "条目任务",
                         "leadUnits": {"unitIds": [%d]}, "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}}"""
                        .formatted(version, planId, ref, lead, deadline)))
                .andExpect(status().isOk());
    }

    @Test
    void a_dashboard_kept_for_a_filter_is_read_again_after_a_change_and_shows_it() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, PLAN);
        String query = "/api/insight?planId=" + tasks.planId();
        long before = total(query);
        assertThat(total(query)).as("read again, unchanged").isEqualTo(before);
        long id = tasks.started("缓存任务", units.resolve("市环境保护局").orElseThrow().id(), warnings.today().plusDays(30));
        assertThat(total(query)).as("the next read after a task is created").isEqualTo(before + 1);
        command(mvc, id, "CANCEL");
        assertThat(total(query)).as("the next read after it is cancelled, beside the ledger")
                .isEqualTo(ledgerTotal("planId=" + tasks.planId()));
    }

    private long total(String query) throws Exception {
        String figures = mvc.perform(get(query).with(office())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(figures, "$.headline.total")).longValue();
    }

    private static final String ITEM_PLAN = "条目计数方案";

    /** Each kept table's rows that are not zero (a count taken down to zero keeps its row until a rebuild). */
    private static final Map<String, String> TABLES = Map.of(
            "insight_count", "select scope_key, plan_id, section, item, status, schedule, level, tasks from insight_count "
                    + "where tasks <> 0 order by scope_key, plan_id, section, item, status, schedule, level",
            "insight_month", "select scope_key, plan_id, section, item, month, due, closed from insight_month "
                    + "where due <> 0 or closed <> 0 order by scope_key, plan_id, section, item, month",
            "insight_deadline", "select scope_key, plan_id, section, item, deadline, tasks from insight_deadline where tasks <> 0 "
                    + "order by scope_key, plan_id, section, item, deadline",
            "insight_week", "select scope_key, plan_id, section, item, week, red, yellow, blue from insight_week "
                    + "where red <> 0 or yellow <> 0 or blue <> 0 order by scope_key, plan_id, section, item, week",
            "insight_owed", "select scope_key, plan_id, unit_id, reports from insight_owed where reports <> 0 "
                    + "order by scope_key, plan_id, unit_id",
            "insight_slot", "select scope_key, cycle_id, unit_id, on_time, late from insight_slot "
                    + "where on_time <> 0 or late <> 0 order by scope_key, cycle_id, unit_id",
            "insight_task_unit", "select task_id, unit_id, plan_id, array_to_string(keys, ',') as keys from insight_task_unit "
                    + "order by task_id, unit_id",
            "insight_task_slot", "select task_id, unit_id, cycle_id, late from insight_task_slot order by task_id, unit_id, cycle_id");
}
