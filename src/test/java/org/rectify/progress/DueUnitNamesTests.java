package org.rectify.progress;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.NewUnit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The due list names its items' units and groups from the names the node keeps (units.KeptUnitNames, as the ledger
 * names its lead units), not by joining its page's rows to every unit (issue 14): a unit renamed through the app shows
 * its new name on the next answer, a unit and a group written by hand (ids the kept names do not know) are named on the
 * next answer, and a rename by hand, as another node's, within a few seconds.
 */
@IntegrationTest
class DueUnitNamesTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration administration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void units_and_groups_renamed_or_written_by_hand_are_named_on_the_due_list_as_the_ledger_names_them() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        String first = unique("应报名测局");
        long unit = administration.create(new NewUnit(plan.unit("临沧市"), first, UnitLevel.CITY, UnitType.DEPARTMENT)).id();
        long task = plan.task(List.of(first), List.of("市财政局"));
        assertThat(unitNames(plan)).containsExactly(first);
        assertThat(unitNames(plan)).as("named from the kept names").containsExactly(first);

        String renamed = unique("应报名测改局");
        administration.rename(unit, renamed, units.get(unit).version());
        assertThat(unitNames(plan)).as("renamed through the app: at once").containsExactly(renamed);

        // created by SQL, which no node hears of: an id the kept names do not know has them read again
        String byHand = unique("应报手写局");
        long written = jdbc.queryForObject("insert into unit (parent_id, name, level, type, path) "
                + "values (?, ?, 'CITY', 'DEPARTMENT', 'pending') returning id", Long.class, plan.unit("临沧市"), byHand);
        jdbc.update("update unit set path = (select path from unit where id = ?) || id || '/' where id = ?",
                plan.unit("临沧市"), written);
        jdbc.update("insert into task_unit (task_id, unit_id, role, position) values (?, ?, 'LEAD', 2)", task, written);
        assertThat(unitNames(plan)).containsExactly(renamed, byHand);

        String group = unique("应报手写组");
        long groupId = jdbc.queryForObject("insert into unit_group (name) values (?) returning id", Long.class, group);
        jdbc.update("update task_unit set via_group_id = ? where task_id = ? and unit_id = ?", groupId, task, written);
        String answer = due(plan);
        assertThat(JsonPath.<List<String>>read(answer, "$.plans[0].items[*].groupName")).containsExactly(null, group);

        // renamed by SQL: another node's rename, which this node hears of when its kept names are read again
        String renamedByHand = unique("应报手改名");
        jdbc.update("update unit set name = ? where id = ?", renamedByHand, unit);
        Thread.sleep(5_100);
        assertThat(unitNames(plan)).containsExactly(renamedByHand, byHand);
        assertThat(JsonPath.<List<String>>read(due(plan), "$.plans[0].supporting[*].unitName")).containsExactly("市财政局");
    }

    private List<String> unitNames(ProgressFixture plan) throws Exception {
        return JsonPath.read(due(plan), "$.plans[0].items[*].unitName");
    }

    private String due(ProgressFixture plan) throws Exception {
        return mvc.perform(get("/api/progress/due?planId=" + plan.planId).with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String unique(String name) {
        return name + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }
}
