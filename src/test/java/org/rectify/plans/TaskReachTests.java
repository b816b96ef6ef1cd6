package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
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

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What each task keeps of its units (V26's unit, office and lead reach, V69's lead unit ids and groups), written by
 * task_reach_refresh (V70), is after every kind of change what a computation of its own, here in Java from task_unit,
 * the unit tree and the plan's owner, says it should be: for every task of the database, not only the ones changed.
 */
@IntegrationTest
class TaskReachTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration administration;
    @Autowired
    TaskLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    /** What a task keeps of its units. */
    private record Kept(List<String> unitReach, List<String> officeReach, List<String> leadReach, List<Long> leadUnitIds,
                        List<Long> leadGroupIds) {
    }

    private record TaskUnit(long taskId, long unitId, String role, Long viaGroupId, int position, String path) {
    }

    @Test
    void every_task_keeps_what_its_units_say_after_intake_edits_reassignment_a_unit_moved_or_renamed_and_groups()
            throws Exception {
        assertKeptAsComputed("as migrated and seeded");

        long planId = publishedSeedPlan("到达范围测试整改方案");
        List<Long> published = jdbc.queryForList("select id from task where plan_id = ? order by position", Long.class, planId);
        assertThat(published).hasSize(22);
        assertThat(jdbc.queryForObject("select count(*) from task where plan_id = ? and lead_group_ids is not null",
                Integer.class, planId)).as("the seed names lead units through groups (各县区党委、政府)").isPositive();
        assertKeptAsComputed("a plan taken in");

        Unit city = units.get(units.resolve("临沧市").orElseThrow().id());
        Unit county = units.get(units.resolve("临翔区").orElseThrow().id());
        Unit station = administration.create(new NewUnit(county.id(), "到达范围测试站", UnitLevel.COUNTY, UnitType.DEPARTMENT));
        Unit office = administration.create(new NewUnit(city.id(), "到达范围测试办", UnitLevel.CITY, UnitType.DEPARTMENT));
        long task = published.get(0);
        TestTasks.reassign(mvc, ledger, task, List.of(station.id(), county.id()), List.of(office.id()));
        assertKeptAsComputed("a task reassigned to a new unit and its county, supported by a new city office");
        TestTasks.reassign(mvc, ledger, task, List.of(office.id()), List.of());
        assertKeptAsComputed("a lead unit and the supporting unit gone");
        TestTasks.reassign(mvc, ledger, published.get(1), List.of(station.id()), List.of(station.id(), office.id()));
        assertKeptAsComputed("a unit both leading and supporting");

        TestTasks created = TestTasks.inPlan(mvc, plans, units, "到达范围测试方案二");
        long started = created.startedLedBy("到达范围测试任务", List.of(station.id(), office.id()), LocalDate.now().plusMonths(3));
        assertKeptAsComputed("a task created, assigned and started");

        administration.move(station.id(), city.id());
        assertKeptAsComputed("a unit moved from its county to the city");
        administration.move(county.id(), office.id());
        assertKeptAsComputed("a county with its subtree moved under a department");
        administration.move(county.id(), city.id());
        administration.rename(station.id(), "到达范围测试中心", units.get(station.id()).version());
        assertKeptAsComputed("a unit renamed");

        UnitGroup group = administration.createGroup("到达范围测试组", null, List.of(office.id(), station.id()));
        mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId": %d, "ref": "R1", "title": "组", "text": "组", "leadUnits": {"groupIds": [%d]},
                         "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                        .formatted(created.planId(), group.id(), LocalDate.now().plusMonths(2))))
                .andExpect(status().isCreated());
        administration.setMembers(group.id(), List.of(station.id()));
        administration.updateGroup(group.id(), "到达范围测试组二", null);
        assertKeptAsComputed("a task led by a group, the group's members and name changed");

        plans.changeOwner(created.planId(), county.id());
        assertKeptAsComputed("a plan handed to a county office");

        // an operator's SQL: many tasks' units in one statement each, as a merger re-pointed by hand would write them
        Unit merged = administration.create(new NewUnit(city.id(), "到达范围测试合并局", UnitLevel.CITY, UnitType.DEPARTMENT));
        long mostNamed = jdbc.queryForObject("select unit_id from task_unit where task_id in (select id from task where "
                + "plan_id = ?) group by unit_id order by count(*) desc, unit_id limit 1", Long.class, planId);
        assertThat(jdbc.update("update task_unit set unit_id = ? where unit_id = ? and task_id in "
                + "(select id from task where plan_id = ?)", merged.id(), mostNamed, planId)).isGreaterThan(1);
        assertKeptAsComputed("a unit's tasks re-pointed to another unit in one statement");
        jdbc.update("insert into task_unit (task_id, unit_id, role, position) select id, ?, 'SUPPORTING', 99 from task "
                + "where plan_id = ? on conflict do nothing", station.id(), planId);
        jdbc.update("update task_unit set role = 'LEAD' where unit_id = ? and task_id = ?", station.id(), published.get(2));
        assertKeptAsComputed("a supporting unit added to a whole plan, one made lead");
        jdbc.update("delete from task_unit where task_id = ?", published.get(3));
        assertKeptAsComputed("a task left with no unit");
    }

    /**
     * The seed plan (22 tasks, lead units named through groups) taken in through the API, as drafts: assigned, its tasks
     * of 2018 would be red warnings that other tests of the shared database do not expect.
     */
    private long publishedSeedPlan(String title) throws Exception {
        String text = Demo.seedText();
        String draft = mvc.perform(post("/api/intake/drafts").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(JsonPath.parse(Map.of("text", text, "header", Map.of("planTitle", title))).jsonString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long draftId = ((Number) JsonPath.read(draft, "$.id")).longValue();
        String published = mvc.perform(post("/api/intake/drafts/{id}/publish", draftId).with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assign\": false}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(published, "$.planId")).longValue();
    }

    /** Every task's kept arrays equal the computed ones. */
    private void assertKeptAsComputed(String after) {
        Map<Long, Kept> kept = new TreeMap<>();
        jdbc.query("select id, unit_reach, office_reach, lead_reach, lead_unit_ids, lead_group_ids from task", rs -> {
            kept.put(rs.getLong(1), new Kept(strings(rs.getArray(2)), strings(rs.getArray(3)), strings(rs.getArray(4)),
                    longs(rs.getArray(5)), longs(rs.getArray(6))));
        });
        Map<Long, Kept> computed = computed();
        assertThat(kept).as("after: " + after).hasSameSizeAs(computed);
        assertThat(kept).as("after: " + after).containsExactlyInAnyOrderEntriesOf(computed);
    }

    /** Each task's arrays from its units' paths and its plan owner's, as the ledger's scope reads them. */
    private Map<Long, Kept> computed() {
        Map<Long, List<TaskUnit>> unitsOf = new HashMap<>();
        jdbc.query("select tu.task_id, tu.unit_id, tu.role, tu.via_group_id, tu.position, u.path "
                + "from task_unit tu join unit u on u.id = tu.unit_id", rs -> {
            TaskUnit tu = new TaskUnit(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                    rs.getInt(5), rs.getString(6));
            unitsOf.computeIfAbsent(tu.taskId(), k -> new ArrayList<>()).add(tu);
        });
        Map<Long, Kept> computed = new TreeMap<>();
        jdbc.query("select t.id, o.path from task t join plan p on p.id = t.plan_id left join unit o on o.id = p.owner_unit_id",
                rs -> {
                    List<TaskUnit> all = unitsOf.getOrDefault(rs.getLong(1), List.of());
                    List<String> reach = pathsAbove(all);
                    List<String> office = new ArrayList<>(reach);
                    if (rs.getString(2) != null) {
                        office.addAll(above(rs.getString(2)));
                    }
                    List<TaskUnit> leads = all.stream().filter(u -> u.role().equals("LEAD"))
                            .sorted(Comparator.comparingInt(TaskUnit::position).thenComparingLong(TaskUnit::unitId)).toList();
                    List<Long> groups = leads.stream().anyMatch(u -> u.viaGroupId() != null)
                            ? leads.stream().map(TaskUnit::viaGroupId).toList() : null;
                    computed.put(rs.getLong(1), new Kept(reach, office, pathsAbove(leads),
                            leads.stream().map(TaskUnit::unitId).toList(), groups));
                });
        return computed;
    }

    /** Every path at or above the units' paths, once each, in byte order (the paths' collation is C). */
    private static List<String> pathsAbove(List<TaskUnit> units) {
        TreeSet<String> paths = new TreeSet<>();
        units.forEach(u -> paths.addAll(above(u.path())));
        return List.copyOf(paths);
    }

    /** '/1/4/23/' → '/1/', '/1/4/', '/1/4/23/' */
    private static List<String> above(String path) {
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                paths.add(path.substring(0, i + 1));
            }
        }
        return paths;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Long[]) array.getArray());
    }
}
