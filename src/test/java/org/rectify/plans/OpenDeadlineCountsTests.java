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
import org.rectify.units.NewUnit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.noCondition;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * V68's kept counts of open tasks by deadline ({@link OpenDeadlineCounts}) are a fresh count after every kind of change
 * that moves an open task between deadlines, statuses or subtrees, and the ledger's totals of open tasks in a deadline
 * range (Q2: open and overdue, in a city or a county) are for every demo login the tasks counted through the join the
 * scope once was: exact, never "about", never wider than the scope, and right on the day a task falls due.
 */
@IntegrationTest
class OpenDeadlineCountsTests {

    private static final Set<TaskStatus> OPEN = OpenReachRange.OPEN;
    private static final String OPEN_QUERY = "status=ASSIGNED&status=IN_PROGRESS&status=CLOSURE_REQUESTED"
            + "&status=ONGOING&status=REOPENED";
    private static final String KEPT = "select path, reach, grain, bucket, tasks from task_open_deadline_count where tasks <> 0";
    private static final String DERIVED = "select path, reach, grain, bucket, tasks from task_open_deadline_count_derived";

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
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    @Test
    void every_roles_totals_of_open_tasks_by_deadline_are_a_fresh_count_after_every_kind_of_change() throws Exception {
        assertKeptIsFresh("as migrated and loaded");
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "时限计数测试方案");
        long epb = unit("市环境保护局");
        long linxiang = unit("临翔区");
        long linxiangGov = unit("临翔区政府");
        long station = unitAdministration.create(new NewUnit(linxiang, "时限计数测试站", UnitLevel.COUNTY,
                UnitType.DEPARTMENT)).id();
        LocalDate today = LocalDate.now();

        long task = tasks.draft("时限计数测试任务", epb, today.minusDays(3));
        assertKeptTableIsFresh("a draft created");
        TestTasks.command(mvc, task, "ASSIGN");
        assertKeptTableIsFresh("assigned, overdue");
        TestTasks.command(mvc, task, "START");
        long other = tasks.startedLedBy("时限计数测试任务二", List.of(station, linxiangGov), today.plusMonths(14));
        assertKeptTableIsFresh("another task started, due next year");
        TestTasks.reassign(mvc, ledger, task, List.of(linxiangGov, station), List.of(epb));
        assertKeptIsFresh("its lead units changed, a supporting unit added");
        for (LocalDate deadline : List.of(today.minusDays(1), today, today.withDayOfMonth(1).minusDays(1),
                today.plusYears(1).withDayOfYear(1), today.minusYears(2))) {
            jdbc.update("update task set deadline = ? where id = ?", deadline, task);
            assertKeptTableIsFresh("its deadline moved to " + deadline);
        }
        jdbc.update("update task set deadline = null where id = ?", other);
        assertKeptTableIsFresh("a deadline removed");
        TestTasks.command(mvc, task, "REQUEST_CLOSURE");
        TestTasks.command(mvc, task, "CLOSE");
        assertKeptTableIsFresh("closed");
        TestTasks.command(mvc, task, "REOPEN");
        assertKeptTableIsFresh("reopened");
        unitAdministration.move(station, unit("临沧市"));
        assertKeptIsFresh("a unit moved from its county to the city");
        plans.changeOwner(tasks.planId(), linxiang);
        assertKeptIsFresh("the plan handed to the county office");
        TestTasks.command(mvc, other, "CANCEL");
        assertKeptTableIsFresh("cancelled");

        long plan = tasks.planId();
        transactions.executeWithoutResult(tx -> { // rolled back: the demo's tasks stay as other tests expect them
            jdbc.update("update task set deadline = deadline + 40 where status in ('IN_PROGRESS', 'ASSIGNED')");
            assertKeptTableIsFresh("many deadlines moved in one statement");
            jdbc.update("insert into task (plan_id, ref, text, status, deadline) values"
                    + " (?, 'SQL1', '直接写入一', 'ASSIGNED', current_date - 1), (?, 'SQL2', '直接写入二', 'IN_PROGRESS', null)",
                    plan, plan);
            jdbc.update("insert into task_unit (task_id, unit_id, role) select id, ?, 'LEAD' from task"
                    + " where plan_id = ? and ref like 'SQL%'", linxiangGov, plan);
            assertKeptTableIsFresh("two tasks and their lead unit inserted");
            jdbc.update("delete from task where plan_id = ? and ref like 'SQL%'", plan);
            assertKeptTableIsFresh("both deleted");
            tx.setRollbackOnly();
        });
        assertKeptTableIsFresh("rolled back");
    }

    @Test
    void a_task_falls_due_at_midnight_with_no_work_by_anyone() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "时限计数测试方案");
        long linxiangGov = unit("临翔区政府");
        DataScope county = DataScope.ofJurisdiction(units.get(unit("临翔区")).path());
        // deadlines at the end of a month and of a year, and the day after: the buckets change grain there
        for (LocalDate due : List.of(LocalDate.of(2031, 1, 31), LocalDate.of(2031, 12, 31), LocalDate.of(2032, 1, 1))) {
            long before = overdueOn(due, county);
            long task = tasks.started("时限计数到期任务", linxiangGov, due);
            assertThat(overdueOn(due, county)).as("due on %s: not yet overdue on that day", due).isEqualTo(before);
            assertThat(overdueOn(due.plusDays(1), county)).as("overdue the day after %s", due)
                    .isEqualTo(overdueOnByJoin(due.plusDays(1), county));
            assertThat(overdueOn(due.plusDays(1), county)).isEqualTo(overdueOn(due, county) + 1
                    + (long) db.fetchCount(TASK, LedgerScopeTests.byJoin(county).and(open()).and(TASK.DEADLINE.eq(due))
                    .and(TASK.ID.ne(task))));
            TestTasks.command(mvc, task, "CANCEL");
        }
    }

    @Test
    void a_citys_open_overdue_total_is_one_statement_reading_kept_rows_and_exact_however_large() {
        DataScope root = DataScope.ofJurisdiction(units.get(unit("临沧市")).path());
        long city = unit("临沧市");
        long linxiangGov = unit("临翔区政府");
        LocalDate yesterday = LocalDate.now().minusDays(1);
        LedgerFilter q2 = new LedgerFilter(null, null, city, OPEN, null, yesterday, null, null, LedgerFilter.Sort.DEADLINE,
                false, 0, 50);
        long plan = TestTasks.inPlan(mvc, plans, units, "时限计数测试方案").planId();
        transactions.executeWithoutResult(tx -> { // more tasks than the bounded count counts: rolled back
            // each its own position, as a plan's tasks have: 2,500 tasks at one position made V52's refresh probe
            // them all for each (12 minutes on a CI-like run where the planner took the position index)
            jdbc.update("insert into task (plan_id, ref, text, status, deadline, position) select ?, 'BULK' || n,"
                    + " '批量' || n, 'IN_PROGRESS', current_date - 1 - n % 900, 100000 + n from generate_series(1, 2500) n",
                    plan);
            jdbc.update("insert into task_unit (task_id, unit_id, role) select id, ?, 'LEAD' from task"
                    + " where plan_id = ? and ref like 'BULK%'", linxiangGov, plan);
            try (ExecutedStatements statements = ExecutedStatements.open(db)) {
                ledger.find(q2, root); // the city's path, kept a few seconds (KeptUnitPaths)
                int before = statements.mark();
                LedgerPage page = ledger.find(q2, root);
                List<String> logged = statements.since(before);
                assertThat(logged).as("one statement: the page with its total").hasSize(1);
                assertThat(logged.get(0)).as("its total from the kept rows, no bounded count")
                        .contains("task_open_deadline_count").doesNotContain("limit 2001");
                assertThat(page.totalEstimated()).as("exact, not \"about\"").isFalse();
                assertThat(page.total()).isGreaterThan(2_500).isEqualTo(db.fetchCount(TASK, LedgerScopeTests.byJoin(root)
                        .and(open()).and(TASK.DEADLINE.le(yesterday)).and(LedgerScopeTests.ledByJoin(units.get(city).path()))));
                assertThat(page.tasks()).hasSize(50);
            }
            tx.setRollbackOnly();
        });
    }

    private long overdueOn(LocalDate today, DataScope scope) {
        LedgerPage page = ledger.find(new LedgerFilter(null, null, null, OPEN, null, today.minusDays(1), null, null,
                LedgerFilter.Sort.DEADLINE, false, 0, 50), scope);
        assertThat(page.totalEstimated()).isFalse();
        return page.total();
    }

    private long overdueOnByJoin(LocalDate today, DataScope scope) {
        return db.fetchCount(TASK, LedgerScopeTests.byJoin(scope).and(open()).and(TASK.DEADLINE.lt(today)));
    }

    private static Condition open() {
        return TASK.STATUS.in(OPEN.stream().map(Enum::name).toList());
    }


    /**
     * The kept table is what the open reach says, and every login's totals of open tasks in deadline ranges (overdue,
     * a window, none), in its scope or led from the city or a county (inside some logins' scopes, outside others'), in
     * deadline order or the plan's, are the tasks counted through the old join, and exact.
     */
    private void assertKeptIsFresh(String after) throws Exception {
        assertKeptTableIsFresh(after);
        LocalDate today = LocalDate.now();
        LocalDate yesterday = today.minusDays(1);
        Map<String, Long> leads = new LinkedHashMap<>();
        leads.put("", null);
        for (String name : List.of("临沧市", "临翔区")) {
            leads.put(name, unit(name));
        }
        record Range(LocalDate from, LocalDate to) {
        }
        List<Range> ranges = List.of(new Range(null, yesterday), new Range(today.withDayOfMonth(1).minusMonths(13),
                today.plusDays(400)), new Range(null, null));
        for (var login : LedgerScopeTests.demoLogins(db).entrySet()) {
            Condition scope = LedgerScopeTests.byJoin(login.getValue());
            for (var lead : leads.entrySet()) {
                Condition led = lead.getValue() == null ? noCondition()
                        : LedgerScopeTests.ledByJoin(units.get(lead.getValue()).path());
                for (Range r : ranges) {
                    Condition due = noCondition();
                    String query = "/api/tasks?" + OPEN_QUERY;
                    if (r.from() != null) {
                        due = due.and(TASK.DEADLINE.ge(r.from()));
                        query += "&deadlineFrom=" + r.from();
                    }
                    if (r.to() != null) {
                        due = due.and(TASK.DEADLINE.le(r.to()));
                        query += "&deadlineTo=" + r.to();
                    }
                    if (lead.getValue() != null) {
                        query += "&leadUnitId=" + lead.getValue();
                    }
                    long fresh = db.fetchCount(TASK, scope.and(open()).and(due).and(led));
                    String as = "%s, %s, %s, led from %s".formatted(after, login.getKey(), r, lead.getKey());
                    assertThat(total(query + "&sort=DEADLINE&size=5", login.getKey())).as(as).isEqualTo(fresh);
                    if (r.from() == null) { // the same set in the plan's order: counted the same
                        assertThat(total(query + "&sort=REF&size=5&page=3", login.getKey())).as("%s, by ref", as)
                                .isEqualTo(fresh);
                    }
                }
            }
        }
    }

    /** Every bucket of every path and reach: the kept rows are the open reach counted afresh (V68's view of it). */
    private void assertKeptTableIsFresh(String after) {
        KeptRows.assertKeptIsFresh(jdbc, KEPT, DERIVED, after);
    }

    private long total(String path, String login) throws Exception {
        String body = mvc.perform(get(path).with(DemoLogins.as(login))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat((Boolean) JsonPath.read(body, "$.totalEstimated")).as(path).isFalse();
        return ((Number) JsonPath.read(body, "$.total")).longValue();
    }
}
