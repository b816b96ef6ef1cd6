package org.rectify.progress;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The records of recurring duties counted by month, as compliance counts them; the dashboard's heat map shows these. */
@IntegrationTest
class ObligationRecordsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    ObligationRecords records;

    @Test
    void a_record_reported_again_counts_once_and_a_draft_not_at_all_on_the_dashboard_too() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        long epb = plan.unit("市环境保护局");
        String content = """
                {"workDone": "召开局党组会议", "phase": "ONGOING", "onSchedule": true, "obligationRecords": [%s]}""";
        String meeting = "{\"subject\": \"局党组会议研究部署环境保护工作\", \"heldOn\": \"%s\", \"body\": \"局党组会议\", \"topic\": \"%s\"}";
        int year = plan.today.getYear();
        LocalDate a = LocalDate.of(year, 1, 5);
        LocalDate b = LocalDate.of(year, 1, 6);
        plan.report(epbStaff(), task, plan.pastCycle, content.formatted(String.join(",", meeting.formatted(a, "第一次"),
                meeting.formatted(b, "第二次"))), true).andExpect(status().isCreated());
        plan.report(epbStaff(), task, plan.currentCycle, content.formatted(meeting.formatted(b, "第二次")), true)
                .andExpect(status().isCreated());
        plan.report(epbStaff(), plan.epbTask(), plan.currentCycle, content.formatted(meeting.formatted(a, "草稿")), false)
                .andExpect(status().isCreated());

        int[] months = records.byUnitAndMonth(TASK.PLAN_ID.eq(plan.planId), Set.of(epb), year).get(epb);
        assertThat(months[0]).isEqualTo(2);
        String json = mvc.perform(get("/api/insight").param("planId", "" + plan.planId).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> january = JsonPath.read(json, "$.compliance[?(@.unitId == %d)].recordedByMonth[0]".formatted(epb));
        assertThat(january).containsExactly(2);
    }
}
