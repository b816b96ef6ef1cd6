package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.DemoLogins;
import org.rectify.ExecutedStatements;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.platform.KeptTotals;
import org.rectify.units.NewUnit;
import org.rectify.units.Unit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitPaths;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.rectify.access.internal.db.Tables.ACCOUNT;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_REACH;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scope test on the task's reach (migration V26) returns exactly what the join it replaced returned, for every
 * account's scope and every unit's, on the ledger's pages and totals and on the dashboard counts, and keeps doing
 * so when units are added, moved, assigned and plans change hands.
 */
@IntegrationTest
class LedgerScopeTests {

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
    LedgerCounts counts;
    @Autowired
    TaskFigureConditions figures;

    /** The scope condition as it was: some task unit in the subtree (a join), or the plan run from there. */
    static Condition byJoin(DataScope scope) {
        if (scope.isAll()) {
            return noCondition();
        }
        Condition takesPart = exists(selectOne().from(TASK_UNIT).join(UNIT).on(UNIT.ID.eq(TASK_UNIT.UNIT_ID))
                .where(TASK_UNIT.TASK_ID.eq(TASK.ID).and(UnitPaths.within(UNIT.PATH, scope.unitPath()))));
        return !scope.ownPlans() ? takesPart : takesPart.or(TASK.PLAN_ID.in(select(PLAN.ID).from(PLAN).join(UNIT)
                .on(UNIT.ID.eq(PLAN.OWNER_UNIT_ID)).where(UnitPaths.within(UNIT.PATH, scope.unitPath()))));
    }

    /** The demo's logins of every kind (the administrator, offices, supervisors, the leader, unit staff and heads) and
     *  the scope each has, read from the accounts as the app reads them. */
    static Map<String, DataScope> demoLogins(DSLContext db) {
        Map<String, DataScope> scopes = new java.util.LinkedHashMap<>();
        db.select(ACCOUNT.USERNAME, ACCOUNT.ROLE, UNIT.PATH).from(ACCOUNT).join(UNIT).on(UNIT.ID.eq(ACCOUNT.UNIT_ID))
                .where(ACCOUNT.USERNAME.in("admin", "office", "supervisor", "leader", "epb-head", "epb-staff",
                        "linxiang-office", "linxiang-supervisor", "linxiang-staff"))
                .orderBy(ACCOUNT.USERNAME).forEach(r -> {
                    Role role = Role.valueOf(r.value2());
                    scopes.put(r.value1(), role == Role.ADMIN ? DataScope.ALL
                            : role.isUnitRole() ? DataScope.ofUnit(r.value3()) : DataScope.ofJurisdiction(r.value3()));
                });
        assertThat(scopes).hasSize(9);
        return scopes;
    }

    /** "Led from the unit at this path or below" as it was: a lead task unit in the subtree (a join). */
    static Condition ledByJoin(String unitPath) {
        return exists(selectOne().from(TASK_UNIT).join(UNIT).on(UNIT.ID.eq(TASK_UNIT.UNIT_ID))
                .where(TASK_UNIT.TASK_ID.eq(TASK.ID).and(TASK_UNIT.ROLE.eq(UnitRole.LEAD))
                        .and(UnitPaths.within(UNIT.PATH, unitPath))));
    }

    private Set<DataScope> everyScope() {
        return EveryScope.of(db);
    }

    private List<Long> ids(Condition where) {
        return db.select(TASK.ID).from(TASK).where(where).orderBy(TASK.ID).fetch(TASK.ID);
    }

    /** The tasks a condition rendered on the view plans publishes ({@link TaskConditions#PUBLISHED}) selects. */
    private List<Long> publishedIds(Condition where) {
        return db.select(PLANS_TASK.ID).from(PLANS_TASK).where(where).orderBy(PLANS_TASK.ID).fetch(PLANS_TASK.ID);
    }

    /** On plans' table and on the view other modules join alike. */
    private void assertEveryScopeSeesWhatTheJoinSaw() {
        Set<DataScope> scopes = everyScope();
        assertThat(scopes).hasSizeGreaterThan(20);
        for (DataScope scope : scopes) {
            List<Long> seen = ids(byJoin(scope));
            assertThat(ids(TaskConditions.visibleTo(scope))).as("%s", scope).isEqualTo(seen);
            assertThat(publishedIds(TaskConditions.PUBLISHED.visibleTo(scope))).as("%s on plans_task", scope).isEqualTo(seen);
            assertThat(publishedIds(TaskConditions.PUBLISHED.officeRowsFor(scope))).as("office rows of %s on plans_task", scope)
                    .isEqualTo(ids(TaskConditions.officeRowsFor(scope)));
        }
        for (String path : db.select(UNIT.PATH).from(UNIT).fetch(UNIT.PATH)) {
            List<Long> led = ids(ledByJoin(path));
            assertThat(ids(TaskConditions.ledFrom(path))).as("led from %s", path).isEqualTo(led);
            assertThat(publishedIds(TaskConditions.PUBLISHED.ledFrom(path))).as("led from %s on plans_task", path).isEqualTo(led);
        }
    }

    @Test
    void a_section_filter_and_the_plans_an_office_governs_select_the_same_tasks_on_the_published_view_as_on_plans_table() {
        List<String> refs = db.select(TASK.REF).from(TASK).fetch(TASK.REF);
        Set<String> sections = new LinkedHashSet<>(List.of("二", "二（三）", "十"));
        refs.stream().limit(40).forEach(ref -> {
            sections.add(ref);
            sections.add(ref.replaceAll("[(（].*", ""));
        });
        sections.addAll(List.of("2", "二1", "二１", "(三)"));
        int selected = 0;
        for (String section : sections) {
            List<Long> onTable = ids(TaskConditions.inSection(section));
            assertThat(publishedIds(TaskConditions.PUBLISHED.inSection(section))).as("section %s", section).isEqualTo(onTable);
            assertThat(onTable).as("section %s: what the references alone selected", section)
                    .isEqualTo(ids(byReferencesAlone(section)));
            // V76's index of each plan's sections answers it (PlanSections), but for references of digits alone
            if (!section.matches("[(0-9].*")) {
                assertThat(db.renderInlined(TaskConditions.inSection(section))).as("section %s", section)
                        .contains("regexp_replace(\"task\".\"ref\", '[(0-9０-９].*$', '')");
            }
            selected += onTable.size();
        }
        assertThat(selected).isPositive();
        for (DataScope scope : everyScope()) {
            assertThat(publishedIds(TaskConditions.PUBLISHED.governedBy(scope))).as("governed by %s", scope)
                    .isEqualTo(ids(TaskConditions.governedBy(scope)));
        }
    }

    @Test
    void every_scope_of_every_account_and_unit_and_every_lead_unit_filter_sees_exactly_the_tasks_the_join_saw() {
        assertThat(db.fetchCount(TASK)).isPositive();
        assertEveryScopeSeesWhatTheJoinSaw();
    }

    @Test
    void the_ledger_pages_totals_and_counts_with_and_without_a_lead_unit_are_those_of_the_join_for_the_root_office_a_county_office_staff_and_a_supervisor() throws Exception {
        Map<String, DataScope> roles = Map.of(
                "office", DataScope.ofJurisdiction(Demo.unitPath(units, "临沧市")),
                "linxiang-office", DataScope.ofJurisdiction(Demo.unitPath(units, "临翔区")),
                "epb-staff", DataScope.ofUnit(Demo.unitPath(units, "市环境保护局")),
                "linxiang-supervisor", DataScope.ofJurisdiction(Demo.unitPath(units, "临翔区")));
        Set<TaskStatus> open = java.util.EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.REOPENED,
                TaskStatus.CLOSURE_REQUESTED, TaskStatus.ONGOING);
        for (var role : roles.entrySet()) {
            DataScope scope = role.getValue();
            LedgerFilter filter = new LedgerFilter(null, null, null, open, null, null, null, null,
                    LedgerFilter.Sort.DEADLINE, false, 0, 10);
            LedgerPage page = ledger.find(filter, scope);
            Condition old = byJoin(scope).and(TASK.STATUS.in(open.stream().map(Enum::name).toList()));
            assertThat(page.totalEstimated()).isFalse();
            assertThat(page.total()).as(role.getKey()).isEqualTo(db.fetchCount(TASK, old)).isPositive();
            assertThat(page.tasks().stream().map(TaskSummary::id).toList()).as(role.getKey())
                    .isEqualTo(db.select(TASK.ID).from(TASK).where(old).orderBy(TASK.DEADLINE.asc().nullsLast(), TASK.ID)
                            .limit(10).fetch(TASK.ID));

            // Q2: open and overdue, led from a county's subtree (the lead reach of V34 against the join it replaced)
            long county = units.resolve("临翔区").orElseThrow().id();
            LedgerFilter overdue = new LedgerFilter(null, null, county, open, null, LocalDate.now().plusYears(3), null, null,
                    LedgerFilter.Sort.DEADLINE, false, 0, 10);
            Condition oldOverdue = old.and(ledByJoin(Demo.unitPath(units, "临翔区"))).and(TASK.DEADLINE.le(LocalDate.now().plusYears(3)));
            LedgerPage led = ledger.find(overdue, scope);
            assertThat(led.total()).as(role.getKey()).isEqualTo(db.fetchCount(TASK, oldOverdue));
            assertThat(led.tasks().stream().map(TaskSummary::id).toList()).as(role.getKey())
                    .isEqualTo(db.select(TASK.ID).from(TASK).where(oldOverdue).orderBy(TASK.DEADLINE.asc().nullsLast(), TASK.ID)
                            .limit(10).fetch(TASK.ID));

            Map<String, Integer> byStatus = db.select(TASK.STATUS, count()).from(TASK).where(byJoin(scope))
                    .groupBy(TASK.STATUS).fetchMap(TASK.STATUS, count());
            var answer = mvc.perform(get("/api/tasks/count").with(DemoLogins.as(role.getKey()))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(byStatus.values().stream().mapToInt(Integer::intValue).sum()));
            for (TaskStatus s : TaskStatus.values()) {
                answer.andExpect(jsonPath("$.byStatus." + s).value(byStatus.getOrDefault(s.name(), 0)));
            }
        }
    }

    @Test
    void a_figures_ledger_in_plan_order_or_by_deadline_walks_the_figures_rows_or_collects_a_thin_subtrees_open_tasks_and_lists_what_the_join_listed_for_every_login() {
        List<TaskFigure> derived = Arrays.stream(TaskFigure.values()).filter(f -> figures.tasksOf(f).isPresent()).toList();
        Map<TaskFigure, Long> listed = new EnumMap<>(TaskFigure.class);
        Set<Boolean> walked = new java.util.HashSet<>();
        Map<String, DataScope> scopes = new java.util.LinkedHashMap<>(demoLogins(db));
        // the demo's logins see too many of its open tasks to collect them: a unit and an office seeing the fewest do, and
        // an office seeing ten or so on a deeper page
        scopes.put("the thinnest unit", DataScope.ofUnit(seeingAtLeast(TASK_OPEN_REACH.IN_UNIT_REACH.isTrue(), 1)));
        scopes.put("the thinnest office", DataScope.ofJurisdiction(seeingAtLeast(org.jooq.impl.DSL.trueCondition(), 1)));
        scopes.put("an office seeing ten", DataScope.ofJurisdiction(seeingAtLeast(org.jooq.impl.DSL.trueCondition(), 10)));
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            for (var login : scopes.entrySet()) {
                DataScope scope = login.getValue();
                for (TaskFigure figure : derived) {
                    for (Set<TaskStatus> statuses : List.of(Set.<TaskStatus>of(), Set.of(TaskStatus.IN_PROGRESS, TaskStatus.CLOSED))) {
                        for (var sort : List.of(LedgerFilter.Sort.REF, LedgerFilter.Sort.DEADLINE)) {
                            for (int[] pageAndOrder : new int[][]{{0, 0}, {0, 1}, {2, 0}, {2, 1}}) {
                                int pageNumber = pageAndOrder[0];
                                boolean descending = pageAndOrder[1] == 1;
                                // the figure's own definition, on the tasks the scope once saw through the join
                                Condition tasks = byJoin(scope).and(figures.of(figure));
                                if (!statuses.isEmpty()) {
                                    tasks = tasks.and(TASK.STATUS.in(statuses.stream().map(Enum::name).toList()));
                                }
                                String as = login.getKey() + ", " + figure + ", " + statuses + ", " + sort
                                        + (descending ? ", descending" : "") + ", page " + pageNumber;
                                int before = statements.mark();
                                LedgerPage page = ledger.find(new LedgerFilter(null, null, null, statuses, null, null, null, null,
                                        sort, descending, pageNumber, 5, figure), scope);
                                // at 1,000,000 tasks: the province's blue page in plan order read 7,668 task rows, a city's
                                // yellow 22,116; at 100,000 the province's tasks behind schedule by deadline passed 40,135
                                // the page's statements on tasks and warnings (not the node's unit names or kept counts, read
                                // again now and then)
                                List<String> read = statements.since(before).stream()
                                        .filter(l -> l.contains("\"task\"") || l.contains("\"task_warning\"")).toList();
                                assertThat(read).as("%s: the figure's rows", as).isNotEmpty()
                                        .allMatch(l -> l.contains("\"figure_tasks\""));
                                if (!scope.isAll()) {
                                    assertThat(read).as("%s: the subtree's open tasks, not the task's reach", as)
                                            .allMatch(l -> l.contains("task_open_reach") && !l.contains("_reach\" @>"));
                                }
                                // a thin scope's open tasks collected (PlanOrderWalk.figureWalkPays): ordered by "… + 0"
                                walked.add(read.stream().noneMatch(l -> l.contains(" + 0)")));
                                assertThat(page.total()).as(as).isEqualTo((long) db.fetchCount(TASK, tasks));
                                assertThat(page.totalEstimated()).as(as).isFalse();
                                assertThat(page.tasks().stream().map(TaskSummary::id).toList()).as(as).isEqualTo(db.select(TASK.ID)
                                        .from(TASK).where(tasks).orderBy(joinOrder(sort, descending))
                                        .limit(5).offset(5 * page.page()).fetch(TASK.ID));
                                listed.merge(figure, page.total(), Long::sum);
                            }
                        }
                    }
                }
            }
        }
        assertThat(listed).as("the demo has tasks of each figure").hasSize(6).allSatisfy((figure, n) ->
                assertThat(n).as("%s", figure).isPositive());
        assertThat(walked).as("some pages walk the figure's entries, some collect the scope's open tasks").hasSize(2);
    }

    /** The section filter as it was, on the references alone. */
    private static Condition byReferencesAlone(String section) {
        String s = section.strip().replace('（', '(').replace('）', ')');
        if (s.endsWith(")")) {
            return TASK.REF.startsWith(s);
        }
        return TASK.REF.eq(s).or(TASK.REF.startsWith(s + "("))
                .or(TASK.REF.similarTo(s.replaceAll("([\\[\\]().*+?|{}%_\\\\])", "\\\\$1") + "[0-9]+"));
    }

    /** The path seeing the fewest open tasks, but at least {@code n}, among these rows of V45's. */
    private String seeingAtLeast(Condition rows, int n) {
        return db.select(TASK_OPEN_REACH.PATH).from(TASK_OPEN_REACH).where(rows).groupBy(TASK_OPEN_REACH.PATH)
                .having(count().ge(n)).orderBy(count(), TASK_OPEN_REACH.PATH).limit(1).fetchOne(TASK_OPEN_REACH.PATH);
    }

    /** The ledger's order in plan order or by deadline, written out on TASK for the join. */
    private static List<org.jooq.OrderField<?>> joinOrder(LedgerFilter.Sort sort, boolean descending) {
        if (sort == LedgerFilter.Sort.DEADLINE) {
            return descending ? List.of(TASK.DEADLINE.desc().nullsFirst(), TASK.ID.desc())
                    : List.of(TASK.DEADLINE.asc().nullsLast(), TASK.ID.asc());
        }
        return descending ? List.of(TASK.PLAN_ID.desc(), TASK.POSITION.desc(), TASK.ID.asc())
                : List.of(TASK.PLAN_ID.asc(), TASK.POSITION.asc(), TASK.ID.asc());
    }

    @Test
    void a_scopes_ledger_in_plan_order_walks_its_plans_where_that_reads_fewer_tasks_and_lists_what_the_join_listed_for_every_login() {
        Set<Boolean> walked = new java.util.HashSet<>();
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            for (var login : demoLogins(db).entrySet()) {
                DataScope scope = login.getValue();
                for (Set<TaskStatus> statuses : List.of(Set.<TaskStatus>of(), Set.of(TaskStatus.IN_PROGRESS, TaskStatus.CLOSED))) {
                    Condition tasks = statuses.isEmpty() ? byJoin(scope)
                            : byJoin(scope).and(TASK.STATUS.in(statuses.stream().map(Enum::name).toList()));
                    long all = db.fetchCount(TASK, tasks);
                    for (boolean descending : List.of(false, true)) {
                        List<Long> inOrder = db.select(TASK.ID).from(TASK).where(tasks).orderBy(descending
                                        ? List.of(TASK.PLAN_ID.desc(), TASK.POSITION.desc(), TASK.ID.asc())
                                        : List.of(TASK.PLAN_ID.asc(), TASK.POSITION.asc(), TASK.ID.asc()))
                                .fetch(TASK.ID);
                        for (int page : new java.util.TreeSet<>(List.of(0, 1, (int) Math.max(0, (all - 1) / 5)))) {
                            String as = login.getKey() + ", " + statuses + ", page " + page + (descending ? ", descending" : "");
                            LedgerFilter filter = new LedgerFilter(null, null, null, statuses, null, null, null, null,
                                    LedgerFilter.Sort.REF, descending, page, 5);
                            boolean walks = ledger.walksPlans(filter, scope);
                            int before = statements.mark();
                            LedgerPage shown = ledger.find(filter, scope);
                            // a county's 6,223 tasks at 1,000,000 in one plan of 47,619: collected and sorted for each page
                            assertThat(statements.since(before)).as("%s: the plans walked, the reach tested on the row", as)
                                    .isNotEmpty().allMatch(l -> walks == (l.contains("array_position") && l.contains("task_plan_count")));
                            walked.add(walks);
                            assertThat(shown.total()).as(as).isEqualTo(all);
                            assertThat(shown.totalEstimated()).as(as).isFalse();
                            assertThat(shown.tasks().stream().map(TaskSummary::id).toList()).as(as).isEqualTo(
                                    inOrder.subList(Math.min(page * 5, inOrder.size()), Math.min(page * 5 + 5, inOrder.size())));
                        }
                    }
                }
            }
        }
        assertThat(walked).as("some pages walk the plans, some collect the tasks").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void a_thin_scopes_pages_of_some_statuses_test_them_on_its_rows_and_list_what_the_join_listed_for_every_scope() {
        Set<Boolean> onRows = new java.util.HashSet<>();
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            for (DataScope scope : everyScope()) {
                for (Set<TaskStatus> statuses : List.of(Set.of(TaskStatus.IN_PROGRESS), Set.of(TaskStatus.ASSIGNED, TaskStatus.CLOSED))) {
                    Condition tasks = byJoin(scope).and(TASK.STATUS.in(statuses.stream().map(Enum::name).toList()));
                    List<Long> inPlanOrder = db.select(TASK.ID).from(TASK).where(tasks)
                            .orderBy(TASK.PLAN_ID, TASK.POSITION, TASK.ID).fetch(TASK.ID);
                    for (LedgerFilter.Sort sort : List.of(LedgerFilter.Sort.REF, LedgerFilter.Sort.STATUS)) {
                        List<Long> inOrder = sort == LedgerFilter.Sort.REF ? inPlanOrder : inStatusOrder(tasks, false);
                        int last = Math.max(0, (inOrder.size() - 1) / 3);
                        for (int page : new java.util.TreeSet<>(List.of(0, last))) {
                            String as = scope + ", " + statuses + ", by " + sort + ", page " + page;
                            int before = statements.mark();
                            LedgerPage shown = ledger.find(new LedgerFilter(null, null, null, statuses, null, null, null,
                                    null, sort, false, page, 3), scope);
                            onRows.add(statements.since(before).stream().anyMatch(l -> l.contains("\"task\".\"status\") is not null")));
                            assertThat(shown.total()).as(as).isEqualTo(inOrder.size());
                            assertThat(shown.tasks().stream().map(TaskSummary::id).toList()).as(as)
                                    .isEqualTo(inOrder.subList(Math.min(page * 3, inOrder.size()), Math.min(page * 3 + 3, inOrder.size())));
                        }
                    }
                }
            }
        }
        // a unit with a task or two beside the province's in progress (PlanOrderWalk.statusIndexPays)
        assertThat(onRows).as("some pages test the statuses on the scope's rows, some read their index")
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void a_ledger_sorted_by_status_lists_the_statuses_in_lifecycle_order_each_in_plan_order_as_the_join_listed_for_every_login() {
        long plan = db.select(TASK.PLAN_ID).from(TASK).groupBy(TASK.PLAN_ID).orderBy(count().desc(), TASK.PLAN_ID).limit(1)
                .fetchOne(TASK.PLAN_ID);
        Set<Integer> statusesOnAPage = new java.util.HashSet<>();
        Set<Boolean> partsRead = new java.util.HashSet<>();
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            for (var login : demoLogins(db).entrySet()) {
                DataScope scope = login.getValue();
                for (Set<TaskStatus> statuses : List.of(Set.<TaskStatus>of(), Set.of(TaskStatus.CLOSED, TaskStatus.IN_PROGRESS, TaskStatus.DRAFT))) {
                    // statuses alone (read status by status) and with a plan (sorted in one statement): the same order
                    for (Long planId : Arrays.asList(null, plan)) {
                        Condition tasks = byJoin(scope).and(statuses.isEmpty() ? noCondition()
                                : TASK.STATUS.in(statuses.stream().map(Enum::name).toList()))
                                .and(planId == null ? noCondition() : TASK.PLAN_ID.eq(planId));
                        for (boolean descending : List.of(false, true)) {
                            List<Long> inOrder = inStatusOrder(tasks, descending);
                            int pages = (int) Math.max(1, (inOrder.size() + 6) / 7);
                            for (int page = 0; page <= pages; page++) { // and one past the end: the last page again
                                String as = login.getKey() + ", " + statuses + ", plan " + planId + ", page " + page
                                        + (descending ? ", descending" : "");
                                int before = statements.mark();
                                LedgerPage shown = ledger.find(new LedgerFilter(planId, null, null, statuses, null, null, null,
                                        null, LedgerFilter.Sort.STATUS, descending, page, 7), scope);
                                // sorted by the statuses' lifecycle in one statement, or read status by status
                                boolean sorted = statements.since(before).stream().anyMatch(l ->
                                        Arrays.stream(TaskStatus.values()).allMatch(status -> l.contains(status.name())));
                                if (planId == null) {
                                    partsRead.add(!sorted);
                                } else {
                                    assertThat(sorted).as("%s: sorted in one statement", as).isTrue();
                                }
                                int from = Math.min(page, pages - 1) * 7;
                                assertThat(shown.total()).as(as).isEqualTo(inOrder.size());
                                assertThat(shown.tasks().stream().map(TaskSummary::id).toList()).as(as)
                                        .isEqualTo(inOrder.subList(from, Math.min(from + 7, inOrder.size())));
                                statusesOnAPage.add((int) shown.tasks().stream().map(TaskSummary::status).distinct().count());
                            }
                        }
                    }
                }
            }
        }
        assertThat(statusesOnAPage).as("some pages span two statuses or more").anyMatch(n -> n >= 2);
        assertThat(partsRead).as("statuses alone: some pages read status by status, some sorted in one statement")
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void a_ledger_by_deadline_or_last_update_descending_is_the_ascending_one_reversed_tasks_without_a_deadline_first_for_every_login() {
        boolean undatedFirst = false;
        for (var login : demoLogins(db).entrySet()) {
            DataScope scope = login.getValue();
            for (LedgerFilter.Sort sort : List.of(LedgerFilter.Sort.DEADLINE, LedgerFilter.Sort.UPDATED)) {
                List<TaskSummary> ascending = everyPage(sort, false, scope);
                List<TaskSummary> descending = everyPage(sort, true, scope);
                assertThat(ascending).as("%s by %s", login.getKey(), sort).hasSize((int) db.fetchCount(TASK, byJoin(scope)));
                List<TaskSummary> reversed = new java.util.ArrayList<>(ascending);
                java.util.Collections.reverse(reversed);
                assertThat(descending).as("%s by %s descending", login.getKey(), sort).isEqualTo(reversed);
                if (sort == LedgerFilter.Sort.DEADLINE && !ascending.isEmpty()) {
                    assertThat(ascending).as("%s: by deadline, then by id", login.getKey()).isSortedAccordingTo(
                            java.util.Comparator.comparing(TaskSummary::deadline, java.util.Comparator.nullsLast(
                                    java.util.Comparator.<LocalDate>naturalOrder())).thenComparing(TaskSummary::id));
                    undatedFirst |= descending.get(0).deadline() == null;
                }
            }
        }
        assertThat(undatedFirst).as("some login's tasks without a deadline come first, descending").isTrue();
    }

    /** Every page of the scope's ledger in this order, one after another. */
    private List<TaskSummary> everyPage(LedgerFilter.Sort sort, boolean descending, DataScope scope) {
        List<TaskSummary> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            LedgerPage shown = ledger.find(new LedgerFilter(null, null, null, Set.of(), null, null, null, null, sort,
                    descending, page, LedgerFilter.MAX_PAGE_SIZE), scope);
            all.addAll(shown.tasks());
            if (all.size() >= shown.total() || shown.page() < page) {
                return all;
            }
        }
    }

    /** The tasks in lifecycle order ({@link TaskStatus}'s), each status's in plan order; descending, all of it reversed. */
    private List<Long> inStatusOrder(Condition tasks, boolean descending) {
        java.util.Comparator<org.jooq.Record4<Long, String, Long, Integer>> order = java.util.Comparator
                .<org.jooq.Record4<Long, String, Long, Integer>>comparingInt(r -> TaskStatus.valueOf(r.value2()).ordinal())
                .thenComparing(r -> r.value3()).thenComparing(r -> r.value4());
        return db.select(TASK.ID, TASK.STATUS, TASK.PLAN_ID, TASK.POSITION).from(TASK).where(tasks).fetch().stream()
                .sorted((descending ? order.reversed() : order).thenComparing(r -> r.value1()))
                .map(org.jooq.Record4::value1).toList();
    }

    @Test
    void the_ledgers_condition_on_the_published_view_selects_the_tasks_it_selects_on_plans_table_for_every_filter() {
        long plan = db.select(TASK.PLAN_ID).from(TASK).groupBy(TASK.PLAN_ID).orderBy(count().desc(), TASK.PLAN_ID).limit(1)
                .fetchOne(TASK.PLAN_ID);
        long county = units.resolve("临翔区").orElseThrow().id();
        String person = db.select(org.rectify.units.api.Tables.UNITS_PERSON.NAME).from(TASK)
                .join(org.rectify.units.api.Tables.UNITS_PERSON).on(org.rectify.units.api.Tables.UNITS_PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                .limit(1).fetchOne(org.rectify.units.api.Tables.UNITS_PERSON.NAME);
        LocalDate today = LocalDate.now();
        List<LedgerFilter> filters = new java.util.ArrayList<>(List.of(
                filter(plan, null, null, Set.of(), null, null, null, null, null),
                filter(plan, "二", null, Set.of(), null, null, null, null, null),
                filter(null, "二(三)", county, Set.of(), null, null, null, null, null),
                filter(null, null, county, Set.of(TaskStatus.IN_PROGRESS, TaskStatus.ASSIGNED), today.minusYears(1), today.plusYears(1),
                        null, null, null),
                filter(null, null, null, Set.of(), null, null, person, null, null),
                filter(null, null, null, Set.of(), null, null, null, "环境", null)));
        for (TaskFigure figure : TaskFigure.values()) {
            filters.add(filter(null, null, null, Set.of(), null, null, null, null, figure));
        }
        int selected = 0;
        for (DataScope scope : List.of(DataScope.ALL, DataScope.ofJurisdiction(units.get(county).path()),
                DataScope.ofUnit(units.get(county).path()))) {
            for (LedgerFilter f : filters) {
                List<Long> onTable = ids(ledger.where(f, scope));
                assertThat(publishedIds(ledger.wherePublished(f, scope))).as("%s in %s", f, scope).isEqualTo(onTable);
                selected += onTable.size();
            }
        }
        assertThat(selected).isPositive();
    }

    private static LedgerFilter filter(Long plan, String section, Long lead, Set<TaskStatus> statuses, LocalDate from,
                                       LocalDate to, String responsible, String text, TaskFigure figure) {
        return new LedgerFilter(plan, section, lead, statuses, from, to, responsible, text, null, false, 0, 0, figure);
    }

    @Test
    void the_reach_follows_a_new_unit_its_tasks_a_move_in_the_tree_a_new_plan_owner_and_removed_units() throws Exception {
        Unit county = units.get(units.resolve("临翔区").orElseThrow().id());
        Unit other = units.get(units.resolve("凤庆县").orElseThrow().id());
        Unit office = unitAdministration.create(new NewUnit(county.id(), "范围测试局" + System.nanoTime() % 100000,
                UnitLevel.COUNTY, UnitType.DEPARTMENT));
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "范围测试方案");
        long task = tasks.started("范围测试任务", office.id(), LocalDate.now().plusMonths(2));
        assertThat(ids(TaskConditions.visibleTo(DataScope.ofUnit(office.path())))).containsExactly(task);
        assertThat(ids(TaskConditions.visibleTo(DataScope.ofJurisdiction(county.path())))).contains(task);
        assertEveryScopeSeesWhatTheJoinSaw();
        assertThat(ledBy(office.id())).as("led by the new unit, before it moves").containsExactly(task, task);

        unitAdministration.move(office.id(), other.id());
        // the lead unit's path is kept a few seconds (units.KeptUnitPaths): a move on this node is seen at once
        assertThat(ledBy(office.id())).as("led by the unit, moved a moment ago").containsExactly(task, task);
        assertThat(ids(TaskConditions.visibleTo(DataScope.ofJurisdiction(county.path())))).doesNotContain(task);
        assertThat(ids(TaskConditions.visibleTo(DataScope.ofJurisdiction(other.path())))).contains(task);
        assertThat(ids(TaskConditions.ledFrom(other.path()))).contains(task);
        assertThat(ids(TaskConditions.ledFrom(county.path()))).doesNotContain(task);
        assertEveryScopeSeesWhatTheJoinSaw();

        plans.changeOwner(tasks.planId(), county.id());
        assertThat(plans.ownerUnitId(tasks.planId())).contains(county.id());
        assertThat(ids(TaskConditions.visibleTo(DataScope.ofJurisdiction(county.path())))).contains(task);
        assertEveryScopeSeesWhatTheJoinSaw();

        // the lead unit becomes a supporting one: no longer "led from" its subtree, still in its scope
        jdbc.update("update task_unit set role = 'SUPPORTING' where task_id = ?", task);
        assertThat(ids(TaskConditions.ledFrom(units.get(office.id()).path()))).doesNotContain(task);
        assertThat(ids(TaskConditions.visibleTo(DataScope.ofUnit(units.get(office.id()).path())))).containsExactly(task);
        assertEveryScopeSeesWhatTheJoinSaw();

        jdbc.update("delete from task_unit where task_id = ?", task);
        assertThat(ids(TaskConditions.visibleTo(DataScope.ofUnit(units.get(office.id()).path())))).isEmpty();
        assertEveryScopeSeesWhatTheJoinSaw();
        jdbc.update("update plan set owner_unit_id = ? where id = ?", units.resolve("临沧市").orElseThrow().id(), tasks.planId());
        assertEveryScopeSeesWhatTheJoinSaw();
    }

    /** The province's ledger led by a unit, as open tasks by deadline (from the open reach) and as every task by id. */
    private List<Long> ledBy(long unitId) {
        List<Long> found = new java.util.ArrayList<>();
        for (LedgerFilter led : List.of(
                new LedgerFilter(null, null, unitId, OpenReachRange.OPEN, null, null, null, null, LedgerFilter.Sort.DEADLINE,
                        false, 0, 10),
                new LedgerFilter(null, null, unitId, Set.of(), null, null, null, null, null, false, 0, 10))) {
            ledger.find(led, DataScope.ALL).tasks().forEach(t -> found.add(t.id()));
        }
        return found;
    }

    @Test
    void a_large_total_counted_moments_ago_serves_the_next_pages_without_a_count_until_a_task_changes() {
        Object key = List.of("a-test-filter", System.nanoTime());
        Condition all = TASK.ID.isNotNull();
        int exact = db.fetchCount(TASK, all);
        assertThat(exact).isPositive().isLessThanOrEqualTo(LedgerCounts.EXACT_UP_TO);
        // as if this filter had been counted large a moment ago: the pages after it take that count, and say "about"
        counts.cached(key, () -> 61_234L);
        assertThat(counts.count(key, key, TASK, all)).isEqualTo(new KeptTotals.Counted<>(61_234L, true));
        counts.taskChanged();
        assertThat(counts.count(key, key, TASK, all)).isEqualTo(new KeptTotals.Counted<>((long) exact, false));
    }

    @Test
    void a_large_total_is_said_as_about_two_significant_digits_and_a_small_one_exactly() {
        assertThat(new LedgerPage(List.of(), 61_234, true, 0, 50).shownTotal()).isEqualTo(61_000);
        assertThat(new LedgerPage(List.of(), 2_351, true, 0, 50).shownTotal()).isEqualTo(2_400);
        assertThat(new LedgerPage(List.of(), 1_234, false, 0, 50).shownTotal()).isEqualTo(1_234);
        assertThat(new LedgerPage(List.of(), 61_234, true, 0, 50).pages()).isEqualTo(1_225);
    }
}
