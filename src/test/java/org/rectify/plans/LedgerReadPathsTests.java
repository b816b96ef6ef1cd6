package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.units.api.Tables.UNITS_GROUP;
import static org.rectify.units.api.Tables.UNITS_PERSON;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The faster read paths of issue 14's last round return exactly what the paths they replaced returned, for the root
 * office, a county office and unit staff: a ledger page names its lead units from its own statement (not a second
 * query per page) on every page of the open list and of a lead unit's overdue list; a task reads its units and its
 * responsible person in two statements, not three; the due list names its plans without counting every plan's tasks.
 */
@IntegrationTest
class LedgerReadPathsTests {

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
    PlanShortNames planShortNames;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private Map<String, DataScope> roles() {
        return Demo.scopes(units);
    }

    /** A ledger page as the old path built it: the page's rows, then one query for their lead units' names. */
    private List<TaskSummary> oldPage(Condition where, int page, int size) {
        var rows = db.select(TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.TITLE, TASK.TEXT, TASK.STATUS, TASK.DEADLINE, UNITS_PERSON.NAME, TASK.ONGOING)
                .from(TASK).leftJoin(UNITS_PERSON).on(UNITS_PERSON.ID.eq(TASK.RESPONSIBLE_PERSON_ID))
                .where(where).orderBy(TASK.DEADLINE.asc().nullsLast(), TASK.ID.asc())
                .limit(size).offset(page * size).fetch();
        Map<Long, List<String>> names = ledger.leadUnitNames(rows.map(r -> r.value1()));
        return rows.map(r -> new TaskSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                TaskStatus.valueOf(r.value6()), r.value7(), names.getOrDefault(r.value1(), List.of()), r.value8(), r.value9()));
    }

    private void assertEveryPageIsTheOldOne(String role, LedgerFilter first, Condition where) {
        int size = first.size();
        long total = ledger.find(first, roles().get(role)).total();
        assertThat(total).as(role).isPositive();
        List<TaskSummary> seen = new ArrayList<>();
        for (int page = 0; page * size < total; page++) {
            List<TaskSummary> tasks = ledger.find(first.withPage(page), roles().get(role)).tasks();
            assertThat(tasks).as("%s page %d", role, page).isEqualTo(oldPage(where, page, size));
            seen.addAll(tasks);
        }
        assertThat(seen).as(role).hasSize((int) total);
        assertThat(seen).as("%s: every task named by its lead units", role).allMatch(t -> !t.leadUnits().isEmpty());
    }

    @Test
    void every_page_of_the_open_list_and_of_a_lead_units_overdue_list_is_what_the_two_query_page_was_for_each_role() {
        for (var role : roles().entrySet()) {
            Condition open = ledger.where(new LedgerFilter(null, null, null, OPEN, null, null, null, null,
                    LedgerFilter.Sort.DEADLINE, false, 0, 7), role.getValue());
            assertEveryPageIsTheOldOne(role.getKey(), new LedgerFilter(null, null, null, OPEN, null, null, null, null,
                    LedgerFilter.Sort.DEADLINE, false, 0, 7), open);

            long county = units.resolve("临翔区").orElseThrow().id();
            LocalDate due = LocalDate.now().plusYears(3);
            LedgerFilter overdue = new LedgerFilter(null, null, county, OPEN, null, due, null, null,
                    LedgerFilter.Sort.DEADLINE, false, 0, 5);
            assertEveryPageIsTheOldOne(role.getKey(), overdue, ledger.where(overdue, role.getValue()));
        }
    }

    /**
     * The page reads its lead units as names (a text array, no longer the units' records): a group named once where
     * its first member stands, a unit named directly after it, as the old path's {@code namesAsWritten} named them.
     */
    @Test
    void a_task_led_through_a_group_and_a_unit_is_named_on_each_roles_page_as_the_old_path_named_it() {
        DataScope office = roles().get("office");
        LedgerFilter open = new LedgerFilter(null, null, null, OPEN, null, null, null, null, LedgerFilter.Sort.DEADLINE, false, 0, 7);
        long task = ledger.find(open, office).tasks().get(0).id();
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long linxiang = units.resolve("临翔区").orElseThrow().id();
        long linxiangGov = units.resolve("临翔区政府").orElseThrow().id();
        var before = jdbc.queryForList("select unit_id, via_group_id, position from task_unit where task_id = ? and role = 'LEAD'", task);
        Long group = jdbc.queryForObject("insert into unit_group (name) values ('读路径测试组') returning id", Long.class);
        try {
            jdbc.update("delete from task_unit where task_id = ? and role = 'LEAD'", task);
            // the group's two members first and last, a unit named directly between them
            jdbc.update("insert into task_unit (task_id, unit_id, role, via_group_id, position) values "
                    + "(?, ?, 'LEAD', ?, 0), (?, ?, 'LEAD', null, 1), (?, ?, 'LEAD', ?, 2)",
                    task, linxiangGov, group, task, epb, task, linxiang, group);
            assertThat(ledger.leadUnitNames(List.of(task)).get(task)).containsExactly("读路径测试组", "市环境保护局");
            int named = 0;
            for (var role : roles().entrySet()) {
                Condition where = ledger.where(open, role.getValue());
                for (int page = 0; page * open.size() < ledger.find(open, role.getValue()).total(); page++) {
                    List<TaskSummary> tasks = ledger.find(open.withPage(page), role.getValue()).tasks();
                    assertThat(tasks).as("%s page %d", role.getKey(), page).isEqualTo(oldPage(where, page, open.size()));
                    named += (int) tasks.stream().filter(t -> t.id() == task)
                            .peek(t -> assertThat(t.leadUnits()).containsExactly("读路径测试组", "市环境保护局")).count();
                }
            }
            assertThat(named).as("the task is on some role's open list").isPositive();
        } finally {
            jdbc.update("delete from task_unit where task_id = ? and role = 'LEAD'", task);
            for (var row : before) {
                jdbc.update("insert into task_unit (task_id, unit_id, role, via_group_id, position) values (?, ?, 'LEAD', ?, ?)",
                        task, row.get("unit_id"), row.get("via_group_id"), row.get("position"));
            }
            jdbc.update("delete from unit_group where id = ?", group);
        }
    }

    /** A task's units of one role as the old path read them: one query per role. */
    private List<AssignedUnit> oldUnits(long taskId, UnitRole role) {
        return db.select(UNITS_DIRECTORY.ID, UNITS_DIRECTORY.NAME, UNITS_GROUP.ID, UNITS_GROUP.NAME)
                .from(TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(TASK_UNIT.UNIT_ID))
                .leftJoin(UNITS_GROUP).on(UNITS_GROUP.ID.eq(TASK_UNIT.VIA_GROUP_ID))
                .where(TASK_UNIT.TASK_ID.eq(taskId).and(TASK_UNIT.ROLE.eq(role)))
                .orderBy(TASK_UNIT.POSITION, TASK_UNIT.UNIT_ID)
                .fetch(r -> new AssignedUnit(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    @Test
    void each_task_a_role_sees_has_the_units_and_responsible_person_the_query_per_part_found() {
        // the demo names no responsible person: one task (which every role here sees) names one for this test
        long named = db.select(TASK.ID).from(TASK).where(TaskConditions.visibleTo(roles().get("epb-staff")))
                .orderBy(TASK.ID).limit(1).fetchOne(TASK.ID);
        Long before = db.select(TASK.RESPONSIBLE_PERSON_ID).from(TASK).where(TASK.ID.eq(named)).fetchOne(TASK.RESPONSIBLE_PERSON_ID);
        Long person = jdbc.queryForObject("insert into person (name, post, phone) values ('读路径测试人', '科长', '0883-0000000') returning id",
                Long.class);
        jdbc.update("update task set responsible_person_id = ? where id = ?", person, named);
        try {
            assertTheUnitsAndPersonOfEachTaskAreTheOldOnes();
        } finally {
            jdbc.update("update task set responsible_person_id = ? where id = ?", before, named);
            jdbc.update("delete from person where id = ?", person);
        }
    }

    private void assertTheUnitsAndPersonOfEachTaskAreTheOldOnes() {
        int led = 0;
        int supported = 0;
        int withPerson = 0;
        for (var role : roles().entrySet()) {
            List<Long> visible = db.select(TASK.ID).from(TASK).where(TaskConditions.visibleTo(role.getValue()))
                    .orderBy(TASK.ID).fetch(TASK.ID);
            assertThat(visible).as(role.getKey()).isNotEmpty();
            for (long id : visible) {
                TaskDetail task = ledger.get(id, role.getValue());
                assertThat(task.leadUnits()).as("%s task %d", role.getKey(), id).isEqualTo(oldUnits(id, UnitRole.LEAD));
                assertThat(task.supportingUnits()).as("%s task %d", role.getKey(), id)
                        .isEqualTo(oldUnits(id, UnitRole.SUPPORTING));
                ResponsiblePerson person = task.responsiblePersonId() == null ? null : db.selectFrom(UNITS_PERSON)
                        .where(UNITS_PERSON.ID.eq(task.responsiblePersonId()))
                        .fetchOne(p -> new ResponsiblePerson(p.getName(), p.getPost(), p.getUnitId(), p.getPhone()));
                assertThat(task.responsible()).as("%s task %d", role.getKey(), id).isEqualTo(person);
                led += task.leadUnits().size(); // (a task another test left without units compares too)
                supported += task.supportingUnits().size();
                withPerson += person == null ? 0 : 1;
            }
        }
        assertThat(led).as("some task has lead units").isPositive();
        assertThat(supported).as("some task has supporting units").isPositive();
        assertThat(withPerson).as("some task names its responsible person").isPositive();
    }

    @Test
    void the_due_list_names_each_of_its_plans_as_the_list_of_every_plan_does_for_each_role() throws Exception {
        Map<Long, String> everyPlan = plans.all().stream().collect(Collectors.toMap(PlanSummary::id, PlanSummary::title));
        int named = 0;
        for (String role : roles().keySet()) {
            String json = mvc.perform(get("/api/progress/due").with(DemoLogins.as(role))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            List<Number> ids = JsonPath.read(json, "$.plans[*].planId");
            List<String> titles = JsonPath.read(json, "$.plans[*].planTitle");
            assertThat(titles).as(role).hasSameSizeAs(ids);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(titles.get(i)).as("%s plan %s", role, ids.get(i)).isNotBlank()
                        .isEqualTo(everyPlan.get(ids.get(i).longValue()));
                named++;
            }
        }
        assertThat(named).isPositive();
    }

    /** The section options as the old statement read them: every reference of the plan (or of all plans) cut in SQL. */
    private List<String> oldSections(Long planId) {
        var section = org.jooq.impl.DSL.regexpReplaceFirst(TASK.REF, "[(0-9０-９].*$", "").as("section");
        var refs = db.select(section, org.jooq.impl.DSL.rowNumber().over().orderBy(TASK.PLAN_ID, TASK.POSITION).as("seq"))
                .from(TASK).where(planId == null ? TASK.PLAN_ID.isNotNull() : TASK.PLAN_ID.eq(planId)).asTable("refs");
        var name = refs.field("section", String.class);
        return db.select(name).from(refs).groupBy(name).orderBy(org.jooq.impl.DSL.min(refs.field("seq", Integer.class)))
                .fetch(name);
    }

    /** A select's options as (value, selected, attributes, text), read from the page. */
    private static List<String> options(String page, String selectId) {
        int start = page.indexOf("id=\"" + selectId + "\"");
        assertThat(start).as("select %s on the page", selectId).isPositive();
        String select = page.substring(start, page.indexOf("</select>", start));
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<option([^>]*)>([^<]*)</option>").matcher(select);
        while (m.find()) {
            out.add(m.group(1).replaceAll("\\s+", " ").strip() + " | " + m.group(2).strip());
        }
        return out;
    }

    /** The unit options as the old fragment wrote them, one Thymeleaf expression per attribute. */
    private List<String> oldUnitOptions(Long selected) {
        Map<Long, List<String>> aliases = units.aliasesByUnit();
        List<String> out = new ArrayList<>();
        for (var u : units.tree()) {
            String attributes = "value=\"" + u.id() + "\"" + (Long.valueOf(u.id()).equals(selected) ? " selected=\"selected\"" : "")
                    + " data-path=\"" + u.path() + "\""
                    + (aliases.containsKey(u.id()) ? " data-aliases=\"" + String.join("|", aliases.get(u.id())) + "\"" : "");
            out.add(attributes + " | " + ("\u00a0\u00a0".repeat(u.depth()) + org.unbescape.html.HtmlEscape.escapeHtml4Xml(u.name())).strip());
        }
        return out;
    }

    private String page(String role, String query) throws Exception {
        return mvc.perform(get("/tasks" + query).with(DemoLogins.as(role))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_ledger_pages_plan_section_and_unit_options_are_what_the_old_paths_offered_for_each_role() throws Exception {
        long plan = plans.all().get(0).id();
        long county = units.resolve("临翔区").orElseThrow().id();
        assertThat(oldSections(null)).isNotEmpty();
        Map<Long, String> shortNames = planShortNames.all();
        for (var role : roles().entrySet()) {
            List<String> planOptions = new ArrayList<>(List.of("value=\"\" | 全部"));
            // each plan by its short name where it has one, its full title as the tooltip (so a filter fits at 360 px)
            plans.visibleFor(role.getValue()).forEach(p -> planOptions.add("value=\"" + p.id() + "\" title=\""
                    + org.unbescape.html.HtmlEscape.escapeHtml4Xml(p.title()) + "\" | "
                    + shortNames.getOrDefault(p.id(), p.title())));
            String page = page(role.getKey(), "");
            assertThat(options(page, "planId")).as(role.getKey()).isEqualTo(planOptions).hasSizeGreaterThan(1);
            assertThat(options(page, "section")).as(role.getKey()).isEqualTo(withAny(oldSections(null), null));
            assertThat(options(page, "leadUnitId").subList(1, options(page, "leadUnitId").size())).as(role.getKey())
                    .isEqualTo(oldUnitOptions(null));

            String chosen = page(role.getKey(), "?planId=" + plan + "&leadUnitId=" + county);
            assertThat(options(chosen, "section")).as(role.getKey()).isEqualTo(withAny(oldSections(plan), null));
            assertThat(options(chosen, "leadUnitId").subList(1, options(chosen, "leadUnitId").size())).as(role.getKey())
                    .isEqualTo(oldUnitOptions(county)).anyMatch(o -> o.contains("selected"));
        }
    }

    private static List<String> withAny(List<String> sections, String selected) {
        List<String> out = new ArrayList<>(List.of("value=\"\" | 全部"));
        sections.forEach(s -> out.add("value=\"" + s + "\"" + (s.equals(selected) ? " selected=\"selected\"" : "") + " | " + s));
        return out;
    }

    @Test
    void a_new_section_is_offered_as_soon_as_a_task_opens_it_and_one_edited_away_goes() throws Exception {
        long plan = newPlan("章节选项测试方案");
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        assertThat(plans.sections(plan)).isEmpty();
        assertThat(plans.sections(null)).isEqualTo(oldSections(null)); // kept, now that every plan was read

        String task = """
                {"planId": %d, "ref": "%s", "text": "章节测试任务", "leadUnits": {"unitIds": [%d]}}""";
        String body = mvc.perform(post("/api/tasks").with(DemoLogins.office()).contentType(MediaType.APPLICATION_JSON)
                        .content(task.formatted(plan, "九十九(一)", epb)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(plans.sections(plan)).containsExactly("九十九");
        assertThat(plans.sections(null)).isEqualTo(oldSections(null)).contains("九十九");

        mvc.perform(put("/api/tasks/{id}", id).with(DemoLogins.office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"task\": " + task.formatted(plan, "九十八(一)", epb) + "}"))
                .andExpect(status().isOk());
        assertThat(plans.sections(plan)).containsExactly("九十八");
        assertThat(plans.sections(null)).isEqualTo(oldSections(null)).contains("九十八").doesNotContain("九十九");
    }
    @Test
    void a_plans_sections_are_read_along_the_section_index_one_probe_each() throws Exception {
        long plan = newPlan("章节索引测试方案");
        List<String> logged = org.rectify.ExecutedStatements.of(db, () -> plans.sections(plan)); // a new plan: read
        String read = logged.stream().filter(l -> l.contains("regexp_replace")).findFirst().orElseThrow();
        // its one bind value is the plan; planned with sequential scans off, as on a province's million tasks
        List<String> planned = transactions.execute(s -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain " + read.replace("?", String.valueOf(plan)), String.class);
        });
        // grouping every reference of the plans took 2.5 s at 1,000,000 tasks; the index's expression must be the query's
        assertThat(String.join("\n", planned)).contains("task_plan_section_idx").doesNotContain("Seq Scan on task");
    }

    private long newPlan(String title) throws Exception {
        String body = mvc.perform(post("/api/plans").with(DemoLogins.office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"" + title + "\", \"issuingBody\": \"测试\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
