package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's tasks take their office reach from the plan's owner (V26) and from nothing else of the plan: V51's trigger
 * follows an owner change and leaves the tasks alone on any other update of the plan (a rename took 2.2 s on a
 * 100,000-task plan while the reach of every task was recomputed to the same values).
 */
@IntegrationTest
class PlanOwnerReachTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_office_reach_follows_a_new_owner_and_a_rename_does_not_recompute_it() throws Exception {
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "计划归属范围测试方案");
        long task = tasks.started("归属范围测试任务", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.of(2030, 6, 30));
        String city = units.get(units.resolve("临沧市").orElseThrow().id()).path();
        long countyId = units.resolve("临翔区").orElseThrow().id();
        String county = units.get(countyId).path();
        assertThat(officeReach(task)).contains(city).doesNotContain(county);

        // a marker no refresh would keep: a rename that recomputed the reach would put the owner's paths back
        jdbc.update("update task set office_reach = array['/marker/'] where id = ?", task);
        jdbc.update("update plan set short_name = ? where id = ?", "归属测试", tasks.planId());
        jdbc.update("update plan set owner_unit_id = owner_unit_id where id = ?", tasks.planId()); // the same owner
        assertThat(officeReach(task)).as("left alone by a rename and by setting the same owner").containsExactly("/marker/");

        plans.changeOwner(tasks.planId(), countyId);
        assertThat(officeReach(task)).as("recomputed for the new owner").contains(county, city).doesNotContain("/marker/");
        assertThat(jdbc.queryForList("select task_id from task_open_reach where path = ?", Long.class, county))
                .as("the open reach follows").contains(task);
    }

    private List<String> officeReach(long task) {
        return List.of((String[]) jdbc.queryForObject("select office_reach from task where id = ?",
                (rs, row) -> rs.getArray(1).getArray(), task));
    }
}
