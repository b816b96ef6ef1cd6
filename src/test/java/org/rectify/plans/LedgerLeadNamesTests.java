package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.TestTasks;
import org.rectify.units.NewUnit;
import org.rectify.units.Unit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitGroup;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A ledger page names its tasks' lead units from the ids each task's row keeps (V69) and the names the node keeps
 * (units.KeptUnitNames), not from a join per row: the names a user sees are the units' and groups' names as they are
 * now (a rename or a group's new name on the next page), a group once where its first member stands, in the task's
 * order; and the kept ids follow every write to a task's units, the app's and SQL by hand.
 */
@IntegrationTest
class LedgerLeadNamesTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration administration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskLedger ledger;

    /** Three departments of a city of the test's own, the last two also a group, and a task of a test plan led by them. */
    private record Led(long task, long planId, Unit first, Unit second, Unit third, UnitGroup group) {
    }

    private static String unique(String name) {
        return name + SEQ.incrementAndGet() + "号" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    private Led aTaskLedByAUnitAndAGroup() throws Exception {
        Unit city = administration.create(new NewUnit(null, unique("名测市"), UnitLevel.CITY, UnitType.REGION));
        Unit first = administration.create(new NewUnit(city.id(), unique("名测市生态环境局"), UnitLevel.CITY, UnitType.DEPARTMENT));
        Unit second = administration.create(new NewUnit(city.id(), unique("名测市水务局"), UnitLevel.CITY, UnitType.DEPARTMENT));
        Unit third = administration.create(new NewUnit(city.id(), unique("名测市林草局"), UnitLevel.CITY, UnitType.DEPARTMENT));
        UnitGroup group = administration.createGroup(unique("名测市各有关部门"), null, List.of(second.id(), third.id()));
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "台账单位名称测试方案");
        String body = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "N%d", "title": "名称测试", "text": "名称测试",
                         "leadUnits": {"unitIds": [%d], "groupIds": [%d]},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(plan.planId(), SEQ.incrementAndGet(), first.id(), group.id(), LocalDate.now().plusDays(30))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Led(((Number) JsonPath.read(body, "$.id")).longValue(), plan.planId(), first, second, third, group);
    }

    /** The lead units the office's ledger (the API's JSON) shows for the task. */
    private List<String> shown(Led led) throws Exception {
        String body = mvc.perform(get("/api/tasks").param("planId", String.valueOf(led.planId())).param("size", "200")
                .with(office())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.tasks[?(@.id == %d)].leadUnits[*]".formatted(led.task()));
    }

    /** The ledger's HTML page of the task's plan, as the office reads it. */
    private String page(Led led) throws Exception {
        return mvc.perform(get("/tasks").param("planId", String.valueOf(led.planId())).param("size", "200").with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String unitName(Unit unit) {
        return units.get(unit.id()).name();
    }

    @Test
    void a_task_led_by_a_unit_and_a_group_shows_the_unit_then_the_group_once_on_the_ledger_and_its_page() throws Exception {
        Led led = aTaskLedByAUnitAndAGroup();
        assertThat(shown(led)).containsExactly(led.first().name(), led.group().name());
        assertThat(page(led)).contains(">" + led.first().name() + "、" + led.group().name() + "</td>");
        // the group's first member before the unit named directly, its second after: the group where it first stands
        jdbc.update("update task_unit set position = case unit_id when ? then 0 when ? then 1 else 2 end "
                + "where task_id = ? and role = 'LEAD'", led.second().id(), led.first().id(), led.task());
        assertThat(shown(led)).containsExactly(led.group().name(), led.first().name());
        assertThat(page(led)).contains(">" + led.group().name() + "、" + led.first().name() + "</td>");
    }

    @Test
    void a_unit_renamed_and_a_group_renamed_show_their_new_names_on_the_next_page() throws Exception {
        Led led = aTaskLedByAUnitAndAGroup();
        assertThat(shown(led)).containsExactly(led.first().name(), led.group().name()); // now kept on the node

        String renamed = unique("名测市生态环境保护局");
        administration.rename(led.first().id(), renamed, units.get(led.first().id()).version());
        assertThat(shown(led)).containsExactly(renamed, led.group().name());

        String regrouped = unique("名测市各相关部门");
        administration.updateGroup(led.group().id(), regrouped, null);
        assertThat(shown(led)).containsExactly(renamed, regrouped);
        assertThat(page(led)).contains(">" + renamed + "、" + regrouped + "</td>");
    }

    @Test
    void a_group_and_a_unit_written_by_hand_are_named_on_the_next_page_and_a_rename_by_hand_within_a_few_seconds()
            throws Exception {
        Led led = aTaskLedByAUnitAndAGroup();
        assertThat(shown(led)).containsExactly(led.first().name(), led.group().name()); // now kept on the node
        // created by SQL, which no node hears of: an id the kept names do not know has them read again
        String unitName = unique("名测手写局");
        long unit = jdbc.queryForObject("insert into unit (parent_id, name, level, type, path) "
                + "values (?, ?, 'CITY', 'DEPARTMENT', 'pending') returning id", Long.class, led.first().parentId(), unitName);
        jdbc.update("update unit set path = (select path from unit where id = ?) || id || '/' where id = ?",
                led.first().parentId(), unit);
        jdbc.update("insert into task_unit (task_id, unit_id, role, position) values (?, ?, 'LEAD', 3)", led.task(), unit);
        assertThat(shown(led)).containsExactly(led.first().name(), led.group().name(), unitName);

        String groupName = unique("名测手写组");
        long group = jdbc.queryForObject("insert into unit_group (name) values (?) returning id", Long.class, groupName);
        jdbc.update("update task_unit set via_group_id = ? where task_id = ? and unit_id = ?", group, led.task(),
                led.third().id());
        assertThat(shown(led)).containsExactly(led.first().name(), led.group().name(), groupName, unitName);

        // renamed by SQL: another node's rename, which this node hears of only when its kept names are read again
        String renamed = unique("名测手改名");
        jdbc.update("update unit set name = ? where id = ?", renamed, led.first().id());
        Thread.sleep(5_100);
        assertThat(shown(led)).containsExactly(renamed, led.group().name(), groupName, unitName);
    }

    @Test
    void every_tasks_kept_lead_units_are_its_lead_units_in_order_after_edits_through_the_app_and_by_hand() throws Exception {
        Led led = aTaskLedByAUnitAndAGroup();
        assertEveryTaskKeepsItsLeadUnits();
        assertThat(jdbc.queryForObject("select lead_unit_ids::text || ' ' || coalesce(lead_group_ids::text, '-') "
                + "from task where id = ?", String.class, led.task())).isEqualTo("{%d,%d,%d} {NULL,%d,%d}".formatted(
                led.first().id(), led.second().id(), led.third().id(), led.group().id(), led.group().id()));

        // edited through the API: the units named directly now, no group
        TaskDetail before = ledger.get(led.task(), DataScope.ALL);
        mvc.perform(put("/api/tasks/" + led.task()).with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"version": %d, "task": {"planId": %d, "ref": "%s", "title": "名称测试", "text": "名称测试",
                         "leadUnits": {"unitIds": [%d, %d]}, "supportingUnits": {"unitIds": [%d]},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}}"""
                        .formatted(before.version(), led.planId(), before.ref(), led.third().id(), led.first().id(),
                                led.second().id(), LocalDate.now().plusDays(30))))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select lead_unit_ids::text || ' ' || coalesce(lead_group_ids::text, '-') "
                + "from task where id = ?", String.class, led.task())).isEqualTo("{%d,%d} -".formatted(
                led.third().id(), led.first().id()));
        assertThat(shown(led)).containsExactly(unitName(led.third()), unitName(led.first()));
        assertEveryTaskKeepsItsLeadUnits();

        // by hand: a supporting unit made a lead, many tasks' positions in one statement, a lead removed
        jdbc.update("update task_unit set role = 'LEAD', position = 2 where task_id = ? and unit_id = ?", led.task(),
                led.second().id());
        jdbc.update("update task_unit set position = 10 - position where role = 'LEAD' and task_id in "
                + "(select id from task where plan_id = ?)", led.planId());
        assertEveryTaskKeepsItsLeadUnits();
        assertThat(shown(led)).containsExactly(unitName(led.second()), unitName(led.first()), unitName(led.third()));
        jdbc.update("delete from task_unit where task_id = ? and unit_id = ?", led.task(), led.first().id());
        assertEveryTaskKeepsItsLeadUnits();
        assertThat(shown(led)).containsExactly(unitName(led.second()), unitName(led.third()));
        jdbc.update("delete from task_unit where task_id = ? and role = 'LEAD'", led.task());
        assertEveryTaskKeepsItsLeadUnits();
        assertThat(shown(led)).isEmpty();
    }

    /** Every task's kept lead units (V69) are its lead units read now from task_unit, in their order, with their groups. */
    private void assertEveryTaskKeepsItsLeadUnits() {
        List<Long> differing = jdbc.queryForList("""
                select t.id from task t
                left join (select task_id, array_agg(unit_id order by position, unit_id) as unit_ids,
                                  case when bool_or(via_group_id is not null)
                                       then array_agg(via_group_id order by position, unit_id) end as group_ids
                           from task_unit where role = 'LEAD' group by task_id) l on l.task_id = t.id
                where t.lead_unit_ids is distinct from coalesce(l.unit_ids, '{}') or t.lead_group_ids is distinct from l.group_ids
                """, Long.class);
        assertThat(differing).as("tasks whose kept lead units differ from task_unit's").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from task where cardinality(lead_unit_ids) > 0", Long.class))
                .as("tasks with kept lead units").isPositive();
    }
}
