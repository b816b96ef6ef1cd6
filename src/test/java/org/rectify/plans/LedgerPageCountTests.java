package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.OrderField;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.ExecutedStatements;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.units.KeptUnitNames;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.units.api.Tables.UNITS_PERSON;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A ledger page reads its rows and its bounded count in one statement (issue 14, session 12): what a page shows, its
 * total, whether that total is "about", and which page a link past the end lands on are what the two-statement path
 * (a count, then the page) gave, for an administrator, the root (city) office, a county office and the staff of a city
 * department and of a county government; and a change a user makes moves each role's total on the very next page.
 */
@IntegrationTest
class LedgerPageCountTests {

    private static final Set<TaskStatus> OPEN = OpenReachRange.OPEN;
    private static final String OPEN_QUERY = "status=ASSIGNED&status=IN_PROGRESS&status=CLOSURE_REQUESTED"
            + "&status=ONGOING&status=REOPENED&sort=DEADLINE&size=50";

    @Autowired
    DSLContext db;
    @Autowired
    MockMvc mvc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    KeptUnitNames unitNames;
    @Autowired
    Plans plans;
    @Autowired
    Units units;

    /** Every kind of scope, by the demo login that has it. */
    private Map<String, DataScope> roles() {
        Map<String, DataScope> roles = new LinkedHashMap<>();
        roles.put("admin", DataScope.ALL);
        roles.putAll(Demo.scopes(units)); // office (the root, a city), linxiang-office (a county), epb-staff
        roles.put("linxiang-staff", DataScope.ofUnit(Demo.unitPath(units, "临翔区政府")));
        return roles;
    }

    /** The filters of each read path: the open reach by scope and by lead unit, the task table, a plan, nothing. */
    private List<LedgerFilter> filters() {
        long county = units.resolve("临翔区").orElseThrow().id();
        LocalDate due = LocalDate.now().plusYears(3);
        long plan = Demo.planId(plans);
        return List.of(
                new LedgerFilter(null, null, null, OPEN, null, null, null, null, LedgerFilter.Sort.DEADLINE, false, 0, 7),
                new LedgerFilter(null, null, county, OPEN, null, due, null, null, LedgerFilter.Sort.DEADLINE, false, 0, 5),
                new LedgerFilter(null, null, null, Set.of(), null, null, null, null, LedgerFilter.Sort.REF, false, 0, 20),
                new LedgerFilter(plan, null, null, Set.of(TaskStatus.ASSIGNED), null, null, null, null,
                        LedgerFilter.Sort.DEADLINE, false, 0, 3),
                new LedgerFilter(null, null, null, OPEN, null, null, null, "无此文字的任务", LedgerFilter.Sort.DEADLINE, false, 0, 7));
    }

    /** A page as the two-statement path read it: the filter's tasks counted on the task table, then its page. */
    private LedgerPage oldPage(LedgerFilter filter, DataScope scope) {
        Condition where = ledger.where(filter, scope);
        long total = db.fetchCount(TASK, where);
        int page = (int) Math.min(filter.page(), Math.max(0, (total - 1) / filter.size()));
        List<OrderField<?>> order = filter.sort() == LedgerFilter.Sort.REF
                ? List.of(TASK.PLAN_ID.asc(), TASK.POSITION.asc(), TASK.ID.asc())
                : List.of(TASK.DEADLINE.asc().nullsLast(), TASK.ID.asc());
        var rows = db.select(TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.TITLE, TASK.TEXT, TASK.STATUS, TASK.DEADLINE, UNITS_PERSON.NAME, TASK.ONGOING)
                .from(TASK).leftJoin(UNITS_PERSON).on(UNITS_PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                .where(where).orderBy(order).limit(filter.size()).offset(page * filter.size()).fetch();
        Map<Long, List<String>> names = ledger.leadUnitNames(rows.map(r -> r.value1()));
        var tasks = rows.map(r -> new TaskSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                TaskStatus.valueOf(r.value6()), r.value7(), names.getOrDefault(r.value1(), List.of()), r.value8(), r.value9()));
        return new LedgerPage(tasks, total, total > LedgerCounts.EXACT_UP_TO, page, filter.size());
    }

    @Test
    void every_page_and_a_page_past_the_end_are_what_the_count_then_page_path_gave_for_every_role() {
        int compared = 0;
        for (var role : roles().entrySet()) {
            for (LedgerFilter filter : filters()) {
                long total = db.fetchCount(TASK, ledger.where(filter, role.getValue()));
                for (int page = 0; page <= total / filter.size() + 1; page++) { // the last page, then one past it
                    LedgerPage expected = oldPage(filter.withPage(page), role.getValue());
                    assertThat(ledger.find(filter.withPage(page), role.getValue()))
                            .as("%s, %s, page %d", role.getKey(), filter, page).isEqualTo(expected);
                    compared += expected.tasks().size();
                }
            }
        }
        assertThat(compared).as("the filters find tasks").isGreaterThan(100);
    }

    @Test
    void a_county_offices_open_list_is_one_statement_and_a_lead_units_list_one_once_its_path_is_kept() {
        DataScope county = roles().get("linxiang-office");
        LedgerFilter open = filters().get(0);
        LedgerFilter led = filters().get(1);
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            unitNames.names(); // the units' names kept, as a node reading pages keeps them (read again after 5 s)
            int before = statements.mark();
            assertThat(ledger.find(open, county).tasks()).isNotEmpty();
            assertThat(statements.since(before)).as("the page with its count").hasSize(1);
            int afterOpen = statements.mark();
            assertThat(ledger.find(led, county).tasks()).isNotEmpty();
            // the lead unit's path is read unless kept from a moment ago (units.KeptUnitPaths), then the page
            assertThat(statements.since(afterOpen).size()).as("the lead unit's path unless kept, then the page with its count")
                    .isBetween(1, 2);
            int afterLed = statements.mark();
            assertThat(ledger.find(led, county).tasks()).isNotEmpty();
            assertThat(statements.since(afterLed)).as("again: the path kept, the page with its count").hasSize(1);
            int again = statements.mark();
            assertThat(ledger.find(led, DataScope.ALL).tasks()).isNotEmpty();
            assertThat(statements.since(again)).as("the province's: the same one").hasSize(1);
            long unknown = db.select(org.jooq.impl.DSL.max(org.rectify.units.api.Tables.UNITS_DIRECTORY.ID)).from(
                    org.rectify.units.api.Tables.UNITS_DIRECTORY).fetchOne(0, long.class) + 1_000;
            assertThat(ledger.find(new LedgerFilter(null, null, unknown, OPEN, null, null, null, null,
                    LedgerFilter.Sort.DEADLINE, false, 0, 5), DataScope.ALL)).as("an unknown lead unit leads nothing")
                    .isEqualTo(new LedgerPage(List.of(), 0, false, 0, 5));
        }
    }

    /**
     * An empty first page answers "no tasks" from its own statement: nothing matches in its snapshot, so neither the kept
     * total nor a bounded count is read after it (a quarter of the root office's Q2 pages at 100,000 tasks, issue 14).
     */
    @Test
    void an_empty_first_page_is_one_statement_and_a_total_of_none() {
        List<LedgerFilter> empty = List.of( // the kept total's path (a county's open reach) and the bounded count's
                new LedgerFilter(null, null, null, OPEN, null, LocalDate.of(1990, 1, 1), null, null,
                        LedgerFilter.Sort.DEADLINE, false, 0, 7),
                new LedgerFilter(null, null, null, OPEN, null, null, null, "无此文字的任务", LedgerFilter.Sort.DEADLINE, false, 0, 7));
        try (ExecutedStatements statements = ExecutedStatements.open(db)) {
            unitNames.names();
            for (var role : roles().entrySet()) {
                for (LedgerFilter filter : empty) {
                    int before = statements.mark();
                    assertThat(ledger.find(filter, role.getValue())).as("%s, %s", role.getKey(), filter)
                            .isEqualTo(new LedgerPage(List.of(), 0, false, 0, 7));
                    assertThat(statements.since(before)).as("%s, %s: the page alone", role.getKey(), filter).hasSize(1);
                }
            }
        }
    }

    /**
     * A task led by a county government and a city department is open for every role once assigned and gone once
     * cancelled: each role's open list counts it, and stops counting it, on the very next call.
     */
    @Test
    void assigning_and_cancelling_a_task_moves_every_roles_open_total_at_once() throws Exception {
        Map<String, Long> before = openTotals();
        long plan = created("/api/plans", "{\"title\": \"计数测试方案\", \"issuingBody\": \"测试\"}");
        long task = created("/api/tasks", """
                {"planId": %d, "ref": "C1", "text": "计数测试任务",
                 "leadUnits": {"unitIds": [%d, %d]}}""".formatted(plan, unit("临翔区政府"), unit("市环境保护局")));
        assertThat(openTotals()).as("a draft is not open").isEqualTo(before);

        command(task, "{\"command\": \"ASSIGN\"}");
        Map<String, Long> assigned = openTotals();
        before.forEach((role, total) -> assertThat(assigned.get(role)).as(role).isEqualTo(total + 1));

        command(task, "{\"command\": \"CANCEL\", \"reason\": \"计数测试\"}");
        assertThat(openTotals()).isEqualTo(before);
    }

    /** Each role's open total as the API answers it (Q1). */
    private Map<String, Long> openTotals() throws Exception {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String role : roles().keySet()) {
            String body = mvc.perform(get("/api/tasks?" + OPEN_QUERY).with(as(role)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat((Boolean) JsonPath.read(body, "$.totalEstimated")).as(role).isFalse();
            totals.put(role, ((Number) JsonPath.read(body, "$.total")).longValue());
        }
        return totals;
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    private long created(String path, String json) throws Exception {
        String body = mvc.perform(post(path)
                        .with(office()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void command(long task, String json) throws Exception {
        mvc.perform(post("/api/tasks/{id}/transitions", task).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isOk());
    }
}
