package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.ExecutedStatements;
import org.rectify.IntegrationTest;
import org.rectify.KeptRows;
import org.rectify.TestTasks;
import org.rectify.access.DataScope;
import org.rectify.platform.KeptTotals;
import org.rectify.units.KeptUnitNames;
import org.rectify.units.NewUnit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitPaths;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.trueCondition;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * V67's kept counts by status ({@link TaskStatusCounts}) are a fresh count after every kind of change that moves a task
 * between statuses or scopes: created, its units changed, assigned, started, asked to close, closed, reopened, marked
 * ongoing, cancelled, a unit moved in the tree, its plan handed to another office, many tasks changed in one statement,
 * a task deleted. After each, for every demo login (the root office, a county office, supervisors of the city and of
 * the county, the leader, unit staff and heads, the administrator) the counts by status and the ledger's totals that
 * the API answers equal the tasks counted through the join the scope once was (not the reach the counts are made
 * from), so do the plans it lists (V75's counts by plan), and both kept tables equal what the tasks say for every
 * scope of every unit.
 */
@IntegrationTest
class TaskStatusCountsTests {

    private static final Set<TaskStatus> OPEN = OpenReachRange.OPEN;
    private static final String OPEN_QUERY = "status=ASSIGNED&status=IN_PROGRESS&status=CLOSURE_REQUESTED"
            + "&status=ONGOING&status=REOPENED&sort=DEADLINE&size=50";
    private static final String KEPT = "select path, reach, status, tasks from task_status_count where tasks <> 0";
    private static final String DERIVED = "select path, reach, status, tasks from task_status_count_derived";
    private static final String KEPT_BY_PLAN = "select path, reach, plan_id, tasks from task_plan_count where tasks <> 0";
    private static final String DERIVED_BY_PLAN = "select path, reach, plan_id, tasks from task_plan_count_derived";

    @Autowired
    DSLContext db;
    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration unitAdministration;
    @Autowired
    TaskLedger ledger;
    @Autowired
    TaskStatusCounts statusCounts;
    @Autowired
    LedgerCounts counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    KeptUnitNames unitNames;
    @Autowired
    TaskFigureConditions figures;

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    @Test
    void every_roles_counts_by_status_and_ledger_totals_are_a_fresh_count_after_every_kind_of_change() throws Exception {
        assertKeptIsFresh("as migrated and loaded");
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "状态计数测试方案");
        long epb = unit("市环境保护局");
        long finance = unit("市财政局");
        long linxiang = unit("临翔区");
        long linxiangGov = unit("临翔区政府");
        long station = unitAdministration.create(new NewUnit(linxiang, "状态计数测试站", UnitLevel.COUNTY,
                UnitType.DEPARTMENT)).id();
        LocalDate deadline = LocalDate.now().plusMonths(6);

        long task = tasks.draft("状态计数测试任务", epb, deadline);
        assertKeptIsFresh("a draft created");
        TestTasks.reassign(mvc, ledger, task, List.of(linxiangGov, station), List.of(epb, finance));
        assertKeptIsFresh("its lead units changed, supporting units added");
        TestTasks.command(mvc, task, "ASSIGN");
        assertKeptIsFresh("assigned");
        TestTasks.command(mvc, task, "START");
        assertKeptIsFresh("started");
        long other = tasks.startedLedBy("状态计数测试任务二", List.of(station), deadline);
        assertKeptIsFresh("another task created, assigned and started");
        TestTasks.command(mvc, task, "REQUEST_CLOSURE");
        assertKeptIsFresh("closure requested");
        TestTasks.command(mvc, task, "CLOSE");
        assertKeptIsFresh("closed");
        TestTasks.command(mvc, task, "REOPEN");
        assertKeptIsFresh("reopened");
        TestTasks.command(mvc, other, "MARK_ONGOING");
        assertKeptIsFresh("marked ongoing");
        TestTasks.reassign(mvc, ledger, task, List.of(station), List.of());
        assertKeptIsFresh("units removed");

        unitAdministration.move(station, unit("临沧市"));
        assertKeptIsFresh("a unit moved from its county to the city");
        plans.changeOwner(tasks.planId(), linxiang);
        assertKeptIsFresh("the plan handed to the county office");
        jdbc.update("update task_unit set role = 'SUPPORTING' where task_id = ?", task);
        assertKeptIsFresh("its lead unit made a supporting one");

        TestTasks.command(mvc, other, "CANCEL");
        assertKeptIsFresh("cancelled");

        long plan = tasks.planId();
        transactions.executeWithoutResult(tx -> { // rolled back: the demo's tasks stay as other tests expect them
            jdbc.update("update task set status = case status when 'IN_PROGRESS' then 'ASSIGNED' else 'IN_PROGRESS' end"
                    + " where status in ('IN_PROGRESS', 'CLOSED')");
            assertKeptTableIsFresh("many tasks moved in one statement");
            jdbc.update("insert into task (plan_id, ref, text, status) values (?, 'SQL1', '直接写入一', 'ASSIGNED'),"
                    + " (?, 'SQL2', '直接写入二', 'CLOSED')", plan, plan); // as the generator or a restore writes them
            assertKeptTableIsFresh("two tasks inserted in one statement");
            jdbc.update("insert into task_unit (task_id, unit_id, role) select id, ?, 'LEAD' from task"
                    + " where plan_id = ? and ref like 'SQL%'", linxiangGov, plan);
            assertKeptTableIsFresh("their lead unit inserted");
            jdbc.update("delete from task where plan_id = ? and ref like 'SQL%'", plan);
            assertKeptTableIsFresh("both deleted");
            tx.setRollbackOnly();
        });
        assertKeptIsFresh("rolled back");
    }

    @Test
    void counts_that_disagree_with_the_tasks_are_found_at_start_up_and_counted_afresh() throws Exception {
        assertThat(statusCounts.stale()).isFalse();
        String root = units.get(unit("临沧市")).path();
        try {
            jdbc.update("update task_status_count set tasks = tasks + 5 where path = '/' and status = 'ASSIGNED'");
            jdbc.update("update task_status_count set tasks = tasks - 1 where path = ? and reach = 'UNIT'", root);
            assertThat(statusCounts.stale()).as("the administrator's counts disagree").isTrue();
        } finally {
            statusCounts.rebuildIfStale();
        }
        assertThat(statusCounts.stale()).isFalse();
        assertKeptIsFresh("rebuilt");
        try {
            jdbc.update("delete from task_plan_count where reach = 'OFFICE'"); // as a load with the triggers off leaves it
            assertThat(statusCounts.stale()).as("the administrator's counts by plan disagree").isTrue();
        } finally {
            statusCounts.rebuildIfStale();
        }
        assertThat(statusCounts.stale()).isFalse();
        assertKeptIsFresh("rebuilt by plan");
    }

    @Test
    void the_root_offices_ledger_and_counts_read_no_task_to_count_even_right_after_a_task_changes()
            throws Exception {
        DataScope root = DataScope.ofJurisdiction(units.get(unit("临沧市")).path());
        LedgerFilter every = new LedgerFilter(null, null, null, Set.of(), null, null, null, null, LedgerFilter.Sort.REF,
                false, 0, 20);
        LedgerFilter open = new LedgerFilter(null, null, null, OPEN, null, null, null, null, LedgerFilter.Sort.DEADLINE,
                false, 0, 50);
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "状态计数语句测试方案");
        long task = tasks.draft("状态计数语句测试任务", unit("市环境保护局"), LocalDate.now().plusMonths(3));
        ledger.find(every, root); // the scope's plan shares read (PlanOrderWalk): every few minutes, not after a change
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            for (String command : List.of("ASSIGN", "START")) {
                TestTasks.command(mvc, task, command); // a change on this node: before, the next page counted its total
                unitNames.names(); // the units' names kept, as a node reading pages keeps them (read again after 5 s)
                int before = statements.mark();
                LedgerPage everyPage = ledger.find(every, root);
                LedgerPage openPage = ledger.find(open, root);
                Map<TaskStatus, Long> byStatus = ledger.countByStatus(root);
                List<String> logged = statements.since(before);
                assertThat(logged).as("one statement each").hasSize(3);
                assertThat(logged).as("each reads the kept counts, none counts tasks")
                        .allMatch(l -> l.contains("task_status_count") && !l.contains("count(*)"));
                assertThat(everyPage.total()).isEqualTo((long) db.fetchCount(TASK, LedgerScopeTests.byJoin(root)));
                assertThat(openPage.total()).isEqualTo((long) db.fetchCount(TASK, LedgerScopeTests.byJoin(root)
                        .and(TASK.STATUS.in(OPEN.stream().map(Enum::name).toList()))));
                assertThat(everyPage.totalEstimated()).isFalse();
                assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(everyPage.total());
            }
        }
    }

    @Test
    void a_lifecycle_figures_ledger_lists_its_tasks_with_their_exact_total_from_the_kept_counts_and_counts_no_task()
            throws Exception {
        List<TaskFigure> lifecycle = Arrays.stream(TaskFigure.values()).filter(f -> figures.status(f).isPresent()).toList();
        assertThat(lifecycle).containsExactlyInAnyOrder(TaskFigure.CLOSED, TaskFigure.ONGOING, TaskFigure.RELAPSED);
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            for (var login : LedgerScopeTests.demoLogins(db).entrySet()) {
                for (TaskFigure figure : lifecycle) {
                    // the figure's own definition, on the tasks the scope once saw through the join
                    Condition tasks = LedgerScopeTests.byJoin(login.getValue()).and(figures.of(figure));
                    String as = login.getKey() + ", " + figure;
                    LedgerFilter filter = new LedgerFilter(null, null, null, Set.of(), null, null, null, null,
                            LedgerFilter.Sort.REF, false, 0, 5, figure);
                    ledger.find(filter, login.getValue()); // the scope's plan shares read (PlanOrderWalk), kept minutes
                    unitNames.names();
                    int before = statements.mark();
                    LedgerPage page = ledger.find(filter, login.getValue());
                    // before, the figure's total was counted: at 1,000,000 tasks the province's closed ones took 1.8 s
                    assertThat(statements.since(before)).as("%s: one statement, the total from the kept counts", as)
                            .singleElement().matches(l -> l.contains("task_status_count") && !l.contains("count(*)"));
                    assertThat(page.total()).as(as).isEqualTo((long) db.fetchCount(TASK, tasks));
                    assertThat(page.totalEstimated()).as(as).isFalse();
                    assertThat(page.tasks().stream().map(TaskSummary::id).toList()).as(as).isEqualTo(db.select(TASK.ID)
                            .from(TASK).where(tasks).orderBy(TASK.PLAN_ID, TASK.POSITION, TASK.ID).limit(5).fetch(TASK.ID));
                }
            }
        }
        // a figure and statuses it excludes: no task, as before
        LedgerPage none = ledger.find(new LedgerFilter(null, null, null, Set.of(TaskStatus.ASSIGNED), null, null, null,
                null, LedgerFilter.Sort.REF, false, 0, 5, TaskFigure.CLOSED), DataScope.ALL);
        assertThat(none.total()).isZero();
        assertThat(none.tasks()).isEmpty();
        assertThat(total("/api/tasks?figure=CLOSED&status=CLOSED&status=ASSIGNED", "office"))
                .isEqualTo((long) db.fetchCount(TASK, LedgerScopeTests.byJoin(LedgerScopeTests.demoLogins(db).get("office"))
                        .and(TASK.STATUS.eq(TaskStatus.CLOSED.name())))).isPositive();
    }

    @Test
    void the_plans_a_county_office_sees_are_read_from_the_kept_counts_and_not_from_the_plans_tasks() throws Exception {
        DataScope county = DataScope.ofJurisdiction(units.get(unit("临翔区")).path());
        DataScope staff = DataScope.ofUnit(units.get(unit("临翔区政府")).path());
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            for (DataScope scope : List.of(county, staff)) {
                int before = statements.mark();
                List<PlanTitle> titles = plans.visibleTitles(scope);
                List<PlanSummary> summaries = plans.visibleFor(scope);
                List<String> logged = statements.since(before);
                assertThat(logged).as("one statement each").hasSize(2);
                // at 1,000,000 tasks asking each plan for a task in the scope read 909,000 buffers for a city office
                assertThat(logged).as("%s: the kept counts by plan, no task", scope)
                        .allMatch(l -> l.contains("task_plan_count") && !l.contains("\"task\""));
                assertThat(titles).extracting(PlanTitle::id).as("%s", scope)
                        .isEqualTo(summaries.stream().map(PlanSummary::id).toList()).isNotEmpty();
            }
        }
    }

    @Test
    void a_large_total_is_kept_once_for_its_filter_whatever_the_sort_and_page_size() {
        DataScope root = DataScope.ofJurisdiction(units.get(unit("临沧市")).path());
        LedgerFilter byDeadline = new LedgerFilter(null, null, null, OPEN, null, null, null, "整改", LedgerFilter.Sort.DEADLINE,
                false, 0, 50);
        // as if the filter had been counted large a moment ago, in its own order: every order and size is served it
        counts.cached(Arrays.asList(root, byDeadline.unordered(), null), () -> 61_234L);
        for (LedgerFilter sorted : List.of(byDeadline,
                new LedgerFilter(null, null, null, OPEN, null, null, null, "整改", LedgerFilter.Sort.REF, false, 0, 200),
                new LedgerFilter(null, null, null, OPEN, null, null, null, "整改", LedgerFilter.Sort.UPDATED, true, 3, 20))) {
            LedgerPage page = ledger.find(sorted, root);
            assertThat(new KeptTotals.Counted<>(page.total(), page.totalEstimated())).as("%s", sorted)
                    .isEqualTo(new KeptTotals.Counted<>(61_234L, true));
        }
        counts.taskChanged();
        assertThat(ledger.find(byDeadline, root).totalEstimated()).isFalse();
    }


    /** The kept table is what the tasks say, and every login's figures are the tasks counted through the old join. */
    private void assertKeptIsFresh(String after) throws Exception {
        assertKeptTableIsFresh(after);
        for (var login : LedgerScopeTests.demoLogins(db).entrySet()) {
            String as = after + ", " + login.getKey();
            assertPlansAsByJoin(login.getKey(), login.getValue(), as);
            Condition scope = LedgerScopeTests.byJoin(login.getValue());
            Map<String, Integer> fresh = db.select(TASK.STATUS, count()).from(TASK).where(scope).groupBy(TASK.STATUS)
                    .fetchMap(TASK.STATUS, count());
            String body = json("/api/tasks/count", login.getKey());
            for (TaskStatus s : TaskStatus.values()) {
                assertThat(((Number) JsonPath.read(body, "$.byStatus." + s)).longValue()).as("%s, %s", as, s)
                        .isEqualTo((long) fresh.getOrDefault(s.name(), 0));
            }
            long all = db.fetchCount(TASK, scope);
            assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).as(as).isEqualTo(all);
            assertThat(total("/api/tasks?size=1", login.getKey())).as("%s, the whole ledger", as).isEqualTo(all);
            assertThat(total("/api/tasks?" + OPEN_QUERY, login.getKey())).as("%s, open", as)
                    .isEqualTo((long) db.fetchCount(TASK, scope.and(TASK.STATUS.in(OPEN.stream().map(Enum::name).toList()))));
            assertThat(total("/api/tasks?status=CANCELLED&status=CLOSED&sort=STATUS&descending=true&size=3&page=2",
                    login.getKey())).as("%s, closed and cancelled", as)
                    .isEqualTo((long) db.fetchCount(TASK, scope.and(TASK.STATUS.in("CLOSED", "CANCELLED"))));
        }
    }

    /** Every scope of every unit: the kept rows, by status and by plan, are the tasks counted afresh (V67's and V75's views). */
    private void assertKeptTableIsFresh(String after) {
        KeptRows.assertKeptIsFresh(jdbc, KEPT, DERIVED, after);
        KeptRows.assertKeptIsFresh(jdbc, KEPT_BY_PLAN, DERIVED_BY_PLAN, after + ", by plan");
    }

    /**
     * The plans the login lists (GET /api/plans, and so every filter of plans): those run from its subtree and those with
     * a task it sees through the old join, each with all its tasks counted.
     */
    private void assertPlansAsByJoin(String login, DataScope scope, String as) throws Exception {
        Condition runsHere = scope.isAll() ? trueCondition() : scope.ownPlans() ? PLAN.OWNER_UNIT_ID.in(select(UNIT.ID)
                .from(UNIT).where(UnitPaths.within(UNIT.PATH, scope.unitPath()))) : falseCondition();
        Map<Long, Integer> expected = db.select(PLAN.ID, field(selectCount().from(TASK).where(TASK.PLAN_ID.eq(PLAN.ID))))
                .from(PLAN).where(runsHere.or(PLAN.ID.in(select(TASK.PLAN_ID).from(TASK).where(LedgerScopeTests.byJoin(scope)))))
                .fetchMap(r -> r.value1(), r -> r.value2());
        String body = json("/api/plans", login);
        List<Number> ids = JsonPath.read(body, "$[*].id");
        List<Integer> taskCounts = JsonPath.read(body, "$[*].taskCount");
        Map<Long, Integer> listed = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            listed.put(ids.get(i).longValue(), taskCounts.get(i));
        }
        assertThat(listed).as("%s, the plans listed and their tasks", as).isEqualTo(expected);
    }

    private long total(String path, String login) throws Exception {
        String body = json(path, login);
        assertThat((Boolean) JsonPath.read(body, "$.totalEstimated")).as(path).isFalse();
        return ((Number) JsonPath.read(body, "$.total")).longValue();
    }

    private String json(String path, String login) throws Exception {
        return mvc.perform(get(path).with(DemoLogins.as(login))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
