package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.KeptRows;
import org.rectify.TestTasks;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.rectify.access.internal.db.Tables.ACCOUNT;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A subtree's open tasks by deadline read from V45's open reach return exactly the tasks, order and totals of the
 * statement on the task table it replaced, for every account's scope (root office, county office, supervisors, the
 * leader, unit staff and heads) and both scopes of every unit, on the shapes of the benchmark's Q1 and Q2 (with and
 * without a lead unit, inside and outside the scope); and the rows follow a task that closes, reopens, changes its
 * deadline or its lead unit, and a plan handed over.
 */
@IntegrationTest
class LedgerOpenReachTests {

    private static final Set<TaskStatus> OPEN = OpenReachRange.OPEN;

    @Autowired
    DSLContext db;
    @Autowired
    MockMvc mvc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    private String pathOf(String name) {
        return units.get(unit(name)).path();
    }

    /** Each demo account's scope, by username (root office, county office, supervisors, leader, staff, heads). */
    private Map<String, DataScope> accounts() {
        Map<String, DataScope> scopes = new LinkedHashMap<>();
        db.select(ACCOUNT.USERNAME, ACCOUNT.ROLE, UNIT.PATH).from(ACCOUNT).join(UNIT).on(UNIT.ID.eq(ACCOUNT.UNIT_ID))
                .orderBy(ACCOUNT.ID).forEach(r -> {
                    Role role = Role.valueOf(r.value2());
                    if (role != Role.ADMIN) {
                        scopes.put(r.value1(), role.isUnitRole() ? DataScope.ofUnit(r.value3()) : DataScope.ofJurisdiction(r.value3()));
                    }
                });
        assertThat(scopes).containsKeys("office", "linxiang-office", "supervisor", "leader", "epb-staff", "linxiang-staff");
        return scopes;
    }

    /** The accounts' scopes, the administrator's, and both scopes of every unit. */
    private Set<DataScope> everyScope() {
        Set<DataScope> scopes = new LinkedHashSet<>(accounts().values());
        scopes.add(DataScope.ALL);
        for (String path : db.select(UNIT.PATH).from(UNIT).orderBy(UNIT.PATH).fetch(UNIT.PATH)) {
            scopes.add(DataScope.ofUnit(path));
            scopes.add(DataScope.ofJurisdiction(path));
        }
        return scopes;
    }

    /** Q1 and Q2's shapes: open by deadline; open and due by a day, alone and led from a county, a department, the root. */
    private List<LedgerFilter> shapes(int size) {
        LocalDate due = LocalDate.now().plusYears(3);
        List<LedgerFilter> shapes = new ArrayList<>();
        shapes.add(filter(null, OPEN, null, null, size));
        shapes.add(filter(null, OPEN, null, due, size));
        for (String lead : List.of("临翔区", "市环境保护局", "临沧市")) {
            shapes.add(filter(unit(lead), OPEN, null, due, size));
        }
        // some open statuses, a window of deadlines: the rest is tested on the task row
        shapes.add(filter(unit("临翔区"), EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.ASSIGNED),
                LocalDate.now().minusYears(2), due, size));
        return shapes;
    }

    private static LedgerFilter filter(Long lead, Set<TaskStatus> statuses, LocalDate from, LocalDate to, int size) {
        return new LedgerFilter(null, null, lead, statuses, from, to, null, null, LedgerFilter.Sort.DEADLINE, false, 0, size);
    }

    /** The ids of a page as the statement on the task table reads them (the old path). */
    private List<Long> oldPage(Condition where, int page, int size) {
        return db.select(TASK.ID).from(TASK).where(where).orderBy(TASK.DEADLINE.asc().nullsLast(), TASK.ID.asc())
                .limit(size).offset(page * size).fetch(TASK.ID);
    }

    /** Every page and the total of the filter in the scope are the old statement's. */
    private int assertPagesAreTheOldOnes(String what, LedgerFilter first, DataScope scope, boolean everyPage) {
        Condition where = ledger.where(first, scope);
        int total = db.fetchCount(TASK, where);
        LedgerPage answer = ledger.find(first, scope);
        assertThat(answer.total()).as("%s: total", what).isEqualTo(total);
        assertThat(answer.tasks().stream().map(TaskSummary::id).toList()).as("%s: first page", what)
                .isEqualTo(oldPage(where, 0, first.size()));
        for (int page = 1; everyPage && page * first.size() < total; page++) {
            assertThat(ledger.find(first.withPage(page), scope).tasks().stream().map(TaskSummary::id).toList())
                    .as("%s: page %d", what, page).isEqualTo(oldPage(where, page, first.size()));
        }
        return total;
    }

    /** The open reach as the task rows say it should be: a row per distinct office-reach path of each open task. */
    private void assertTheOpenReachIsWhatTheTasksSay() {
        String derived = """
                select p, t.id, t.deadline, p = any(t.unit_reach), p = any(t.lead_reach)
                from task t cross join lateral (select distinct p from unnest(t.office_reach) p) paths
                where t.status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED')""";
        String kept = "select path, task_id, deadline, in_unit_reach, in_lead_reach from task_open_reach";
        KeptRows.assertKeptIsFresh(jdbc, kept, derived, "the open reach");
    }

    private void assertEveryAccountSeesTheOldPages(String after) {
        for (var account : accounts().entrySet()) {
            for (LedgerFilter shape : shapes(4)) {
                assertPagesAreTheOldOnes(after + ", " + account.getKey() + ", " + shape, shape, account.getValue(), true);
            }
        }
    }

    @Test
    void every_scope_reads_the_same_open_tasks_by_deadline_from_the_open_reach_as_from_the_task_table() {
        assertTheOpenReachIsWhatTheTasksSay();
        int seen = 0;
        for (DataScope scope : everyScope()) {
            for (LedgerFilter shape : shapes(7)) {
                seen += assertPagesAreTheOldOnes(scope + ", " + shape, shape, scope, false);
            }
        }
        assertThat(seen).isPositive();
        assertEveryAccountSeesTheOldPages("as loaded");
        // the shapes this test is about do read the open reach (and descending, closed or draft ones do not)
        DataScope county = DataScope.ofJurisdiction(pathOf("临翔区"));
        assertThat(OpenReachRange.of(shapes(7).get(0), county, null)).contains(new OpenReachRange(pathOf("临翔区"),
                OpenReachRange.Reach.OFFICE));
        assertThat(OpenReachRange.of(shapes(7).get(2), DataScope.ofJurisdiction(pathOf("临沧市")),
                java.util.Optional.of(pathOf("临翔区")))).contains(new OpenReachRange(pathOf("临翔区"), OpenReachRange.Reach.LEAD));
        assertThat(OpenReachRange.of(shapes(7).get(4), county, java.util.Optional.of(pathOf("临沧市"))))
                .contains(new OpenReachRange(pathOf("临翔区"), OpenReachRange.Reach.OFFICE));
        assertThat(OpenReachRange.of(filter(null, Set.of(TaskStatus.CLOSED), null, null, 7), county, null)).isEmpty();
        assertThat(OpenReachRange.of(filter(null, Set.of(TaskStatus.DRAFT, TaskStatus.ASSIGNED), null, null, 7), county, null)).isEmpty();
        assertThat(OpenReachRange.of(new LedgerFilter(null, null, null, OPEN, null, null, null, null, LedgerFilter.Sort.DEADLINE,
                true, 0, 7), county, null)).isEmpty();
    }

    @Test
    void the_open_reach_follows_a_task_that_closes_reopens_changes_deadline_and_lead_unit_and_a_plan_handed_over() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "开放范围测试方案");
        long epb = unit("市环境保护局");
        long linxiangGov = unit("临翔区政府");
        LocalDate soon = LocalDate.now().minusDays(3);
        long task = tasks.started("开放范围测试任务", epb, soon);
        long other = tasks.started("开放范围测试任务二", linxiangGov, soon.plusDays(1));
        assertTheOpenReachIsWhatTheTasksSay();
        assertThat(jdbc.queryForObject("select count(*) from task_open_reach where task_id = ?", Long.class, task)).isPositive();
        assertEveryAccountSeesTheOldPages("started");

        TestTasks.command(mvc, task, "REQUEST_CLOSURE");
        TestTasks.command(mvc, task, "CLOSE");
        assertThat(jdbc.queryForObject("select count(*) from task_open_reach where task_id = ?", Long.class, task)).isZero();
        assertTheOpenReachIsWhatTheTasksSay();
        assertEveryAccountSeesTheOldPages("closed");

        TestTasks.command(mvc, task, "REOPEN");
        assertTheOpenReachIsWhatTheTasksSay();
        assertEveryAccountSeesTheOldPages("reopened");

        edit(tasks, task, "开放范围测试任务", linxiangGov, LocalDate.now().plusYears(4)); // another lead unit, a later deadline
        assertThat(jdbc.queryForList("select distinct deadline from task_open_reach where task_id = ?", LocalDate.class, task))
                .containsExactly(LocalDate.now().plusYears(4));
        assertTheOpenReachIsWhatTheTasksSay();
        assertEveryAccountSeesTheOldPages("deadline and lead unit changed");

        edit(tasks, other, "开放范围测试任务二", epb, soon.minusDays(10)); // an earlier deadline, a city department
        assertTheOpenReachIsWhatTheTasksSay();
        assertEveryAccountSeesTheOldPages("the other task changed");

        plans.changeOwner(tasks.planId(), unit("临翔区"));
        assertTheOpenReachIsWhatTheTasksSay();
        assertEveryAccountSeesTheOldPages("plan handed to the county");
        plans.changeOwner(tasks.planId(), unit("临沧市"));
        assertTheOpenReachIsWhatTheTasksSay();
    }

    private void edit(TestTasks tasks, long id, String title, long leadUnit, LocalDate deadline) throws Exception {
        TaskDetail before = ledger.get(id, DataScope.ALL);
        mvc.perform(put("/api/tasks/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"version": %d, "task": {"planId": %d, "ref": "%s", "title": "%s", "text": "%s",
                         "leadUnits": {"unitIds": [%d]}, "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}}"""
                        .formatted(before.version(), tasks.planId(), before.ref(), title, title, leadUnit, deadline)))
                .andExpect(status().isOk());
        TaskDetail after = ledger.get(id, DataScope.ALL);
        assertThat(after.deadline()).isEqualTo(deadline);
        assertThat(after.leadUnits()).extracting(AssignedUnit::unitId).containsExactly(leadUnit);
    }
}
