package org.rectify.closure;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.EventsHandled;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.JobRun;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Look-backs (回头看) over a task's life after closing, the clock moved by moving the task's past: closed → the 6-month
 * look-back is reminded and found HELD → the 12-month one finds it RELAPSED → the task is REOPENED, red with the reason
 * 反弹, on the supervision ledger, its lead unit proposed for accountability, and the relapse counted in the circular.
 */
@IntegrationTest
@EnableScenarios
class LookBackTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    LookBackReminders reminders;
    @Autowired
    Clock clock;

    @Test
    void a_closed_task_holds_at_six_months_and_relapses_at_twelve_reopened_red_on_the_ledger_proposed_for_accountability_and_in_the_circular(
            Scenario scenario) throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "回头看测试方案");
        LocalDate today = LocalDate.now(clock);
        long task = plan.started("城区黑臭水体整治", unitId("市环境保护局"), today.plusMonths(1));
        // apply, verify, approve, notice, close; closing schedules the plan's rounds: 6 and 12 months after, checked by
        // the unit whose office runs the plan
        List<Map<String, Object>> scheduled = closedAndScheduled(scenario, task, 2, () -> {
            LookBackFixture.closeThroughTheProcedure(mvc, jdbc, task);
            return task;
        });
        assertThat(scheduled).extracting(r -> r.get("round_months")).containsExactly(6, 12);
        assertThat(scheduled).extracting(r -> r.get("due_on").toString())
                .containsExactly(today.plusMonths(6).toString(), today.plusMonths(12).toString());
        assertThat(scheduled).extracting(r -> ((Number) r.get("checking_unit_id")).longValue()).containsOnly(unitId("临沧市"));
        long sixMonths = id(scheduled.get(0));
        long twelveMonths = id(scheduled.get(1));

        // three days before it is due, the checking unit's office is reminded in its inbox
        LookBackFixture.monthsPass(jdbc, task, 6);
        LocalDate due = jdbc.queryForObject("select due_on from look_back where id = ?", LocalDate.class, sixMonths);
        scenario.stimulate(JobRun.of(() -> reminders.sweep(due.minusDays(3))))
                .andWaitForStateChange(new EventsHandled(publications).of(LookBackDue.class, e -> e.lookBackId() == sixMonths),
                        Boolean.TRUE::equals)
                .andVerify((handled, reminded) -> {
                    assertThat(reminded).isPositive();
                    assertThat(jdbc.queryForList("select m.kind from inbox_message m join account a on a.id = m.account_id"
                                    + " where a.username = 'office' and m.link = ?", String.class, "/closure/look-backs/" + sixMonths))
                            .contains("REMINDER_LOOK_BACK");
                });
        assertThat(reminders.sweep(due.minusDays(3))).as("each stage once").isZero();

        // six months on: HELD, with a photo
        mvc.perform(multipart("/api/look-backs/{id}/record", sixMonths).file(photo("现场照片.png"))
                        .param("outcome", "HELD").param("findings", "水体清澈，无异味，长效管护到位").with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HELD"))
                .andExpect(jsonPath("$.evidence[0].fileName").value("现场照片.png"));
        assertThat(taskStatus(task)).isEqualTo("CLOSED");

        // twelve months on: RELAPSED
        LookBackFixture.monthsPass(jdbc, task, 6);
        // heard by supervision once the reopening's listeners have run
        scenario.stimulate(ClientRequest.sent(() -> mvc.perform(post("/api/look-backs/{id}/record", twelveMonths).with(office())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"outcome\": \"RELAPSED\", \"findings\": \"雨季后水体再次发黑发臭\"}"))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELAPSED"))))
                .andWaitForStateChange(new EventsHandled(publications).about(task), Boolean.TRUE::equals);

        // the task is reopened as a relapse, with the reason 反弹
        assertThat(taskStatus(task)).isEqualTo("REOPENED");
        mvc.perform(get("/api/tasks/{id}", task).with(office()))
                .andExpect(jsonPath("$.history[?(@.toStatus == 'REOPENED')].reason").value(hasItem(startsWith("反弹"))));
        assertThat(jdbc.queryForObject("select relapse from task_history where task_id = ? and to_status = 'REOPENED'",
                Boolean.class, task)).isTrue();
        // red, with the reason RELAPSED
        mvc.perform(get("/api/supervision/warnings").param("planId", String.valueOf(plan.planId())).with(office()))
                .andExpect(jsonPath("$.warnings[?(@.taskId == %d)].level".formatted(task)).value(hasItem("RED")))
                .andExpect(jsonPath("$.warnings[?(@.taskId == %d)].reasons[*]".formatted(task)).value(hasItem("RELAPSED")));
        // on the supervision ledger
        mvc.perform(get("/api/supervision/ledger").with(office()))
                .andExpect(jsonPath("$[?(@.taskId == %d)].reason".formatted(task)).value(hasItem(startsWith("反弹"))))
                // in the name of whoever found the relapse, not an anonymous "system"
                .andExpect(jsonPath("$[?(@.taskId == %d)].addedBy".formatted(task)).value(hasItem(containsString("市督察整改办"))));
        // accountability proposed for the lead unit; the office confirms it and it is recorded
        mvc.perform(get("/api/supervision/accountability/proposals").with(office()))
                .andExpect(jsonPath("$[?(@.taskId == %d)].unitName".formatted(task)).value(hasItem("市环境保护局")));
        long proposal = jdbc.queryForObject("select id from accountability_proposal where task_id = ?", Long.class, task);
        mvc.perform(post("/api/supervision/accountability/proposals/{id}/confirm", proposal).with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"SUMMONS\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("CONFIRMED"));
        mvc.perform(get("/api/supervision/accountability").with(office()))
                .andExpect(jsonPath("$[?(@.tasks[0].taskId == %d)].type".formatted(task)).value(hasItem("SUMMONS")));
        // a second decision is refused with who decided
        mvc.perform(post("/api/supervision/accountability/proposals/{id}/dismiss", proposal).with(office())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"重复\"}"))
                .andExpect(status().isConflict());

        // the next circular counts the relapse
        String circular = mvc.perform(post("/api/supervision/circulars").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"%s\", \"to\": \"%s\", \"planId\": %d}".formatted(today.withDayOfMonth(1), today, plan.planId())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(circular, "$.facts.relapses[*].taskId")).contains((int) task);

        // the task page shows both look-backs
        mvc.perform(get("/closure/tasks/{id}/look-backs", task).with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("巩固")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("反弹")));
    }

    @Test
    void a_record_that_fails_validation_stores_nothing_not_even_its_files(Scenario scenario) throws Exception {
        long lookBack = closedTaskLookBack(scenario, "回头看校验");
        long evidenceBefore = count("evidence");
        mvc.perform(multipart("/api/look-backs/{id}/record", lookBack).file(photo("照片.png"))
                        .param("outcome", "HELD").param("findings", "  ").with(office()))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/look-backs/{id}/record", lookBack).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"MAYBE\", \"findings\": \"有\"}"))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.queryForObject("select status from look_back where id = ?", String.class, lookBack)).isEqualTo("PENDING");
        assertThat(count("look_back_evidence where look_back_id = " + lookBack)).isZero();
        assertThat(count("evidence")).isEqualTo(evidenceBefore);
    }

    @Test
    void only_the_checking_unit_records_and_units_outside_the_scope_get_not_found(Scenario scenario) throws Exception {
        long lookBack = closedTaskLookBack(scenario, "回头看权限");
        // the lead unit sees its task's look-back, but is not the checking unit
        mvc.perform(get("/api/look-backs/{id}", lookBack).with(epbStaff())).andExpect(status().isOk());
        mvc.perform(post("/api/look-backs/{id}/record", lookBack).with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"HELD\", \"findings\": \"巩固\"}")).andExpect(status().isForbidden());
        // a county outside the task: not found, on the API and the pages
        for (var who : List.of(linxiangStaff(), linxiangOffice())) {
            mvc.perform(get("/api/look-backs/{id}", lookBack).with(who)).andExpect(status().isNotFound());
            mvc.perform(get("/closure/look-backs/{id}", lookBack).with(who)).andExpect(status().isNotFound());
            mvc.perform(post("/api/look-backs/{id}/record", lookBack).with(who).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"outcome\": \"RELAPSED\", \"findings\": \"反弹\"}")).andExpect(status().isNotFound());
        }
        // a leader of the checking unit reads, and does not record
        mvc.perform(post("/api/look-backs/{id}/record", lookBack).with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"HELD\", \"findings\": \"巩固\"}")).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select status from look_back where id = ?", String.class, lookBack)).isEqualTo("PENDING");
    }

    @Test
    void the_office_starts_a_campaign_over_chosen_closed_tasks_and_changes_a_plans_rounds(Scenario scenario) throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "回头看专项方案");
        LocalDate today = LocalDate.now(clock);
        long closed = plan.started("已销号任务", unitId("市林业局"), today.plusMonths(1));
        long open = plan.started("未销号任务", unitId("市林业局"), today.plusMonths(1));
        LookBackFixture.close(mvc, closed);
        String refs = "[\"%s\", \"%s\"]".formatted(ref(closed), ref(open));
        String body = "{\"planId\": %d, \"title\": \"2019年专项回头看\", \"refs\": %s, \"checkingUnitId\": %d, \"dueOn\": \"%s\"}"
                .formatted(plan.planId(), refs, unitId("市林业局"), today.plusDays(30));
        // only the office that runs the plan starts one (a unit governs no plan: not found)
        mvc.perform(post("/api/look-backs/campaigns").with(epbStaff()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/look-backs/campaigns").with(as("supervisor")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/look-backs/campaigns").with(linxiangOffice()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/look-backs/campaigns").with(office()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.lookBacks").value(1))
                .andExpect(jsonPath("$.checkingUnitName").value("市林业局"));
        assertThat(jdbc.queryForList("select task_id from look_back where campaign_id is not null and task_id in (?, ?)",
                Long.class, closed, open)).containsExactly(closed); // the open task is not closed: not chosen
        mvc.perform(post("/api/look-backs/campaigns").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planId\": %d, \"title\": \"空\", \"dueOn\": \"%s\"}".formatted(plan.planId(), today.plusDays(30))))
                .andExpect(status().isUnprocessableEntity());

        // one round at 3 months from now on; 0 months is refused; the county's office cannot see the setting
        mvc.perform(put("/api/look-backs/settings/{id}", plan.planId()).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"months\": [0]}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(put("/api/look-backs/settings/{id}", plan.planId()).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"months\": [3]}")).andExpect(status().isOk()).andExpect(jsonPath("$.months[0]").value(3));
        mvc.perform(get("/api/look-backs/settings/{id}", plan.planId()).with(linxiangOffice())).andExpect(status().isNotFound());
        assertThat(closedAndScheduled(scenario, open, 1, () -> {
            LookBackFixture.close(mvc, open);
            return open;
        })).extracting(r -> r.get("due_on").toString()).containsExactly(today.plusMonths(3).toString());
        // the office's desk lists the campaign, and what it chose in words
        mvc.perform(get("/closure/look-backs").with(office())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2019年专项回头看")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("任务编号：" + ref(closed) + "、" + ref(open))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("refs="))));
    }

    @Test
    void the_demo_tells_the_look_back_story_on_dates_of_the_day_it_was_loaded() {
        LocalDate today = Demo.loadedOn(jdbc, clock);
        String plan = "select id from plan where title = '临沧市已销号问题回头看（演示）'";
        assertThat(jdbc.queryForList("select lb.status from look_back lb join task t on t.id = lb.task_id where lb.campaign_id "
                + "is not null and t.plan_id = (" + plan + ")", String.class))
                .containsExactlyInAnyOrder("HELD", "RELAPSED", "PENDING");
        assertThat(jdbc.queryForObject("select issued_on from plan where id = (" + plan + ")", LocalDate.class))
                .isEqualTo(today.minusMonths(4));
        assertThat(jdbc.queryForObject("select title from look_back_campaign where plan_id = (" + plan + ")", String.class))
                .startsWith(today.getYear() + "年");
    }

    @Test
    void the_demos_closed_tasks_were_verified_then_on_notice_then_closed_weeks_before_their_look_back() {
        LocalDate today = Demo.loadedOn(jdbc, clock);
        java.time.ZoneId zone = clock.getZone();
        // the demo closed them: 四(二)1 and 五(三)1 of the city plan, 回1–回3 of the look-back plan (their first attempts)
        List<Map<String, Object>> closed = jdbc.queryForList("""
                select t.ref, c.applied_at, v.verified_on, c.notice_from, c.notice_until, c.closed_at,
                       (select max(lb.recorded_at) from look_back lb where lb.task_id = t.id) as looked_back_at
                from closure c join task t on t.id = c.task_id join plan p on p.id = t.plan_id
                     join closure_verification v on v.closure_id = c.id and v.passed
                where c.stage = 'CLOSED' and c.id = (select min(first.id) from closure first where first.task_id = t.id)
                  and (p.title = '临沧市已销号问题回头看（演示）' or p.title = ? and t.ref in ('四(二)1', '五(三)1'))""",
                org.rectify.Demo.PLAN_TITLE);
        assertThat(closed).extracting(r -> r.get("ref")).contains("回1", "回2", "回3", "四(二)1", "五(三)1");
        for (Map<String, Object> r : closed) {
            LocalDate applied = day(r.get("applied_at"), zone);
            LocalDate verified = ((java.sql.Date) r.get("verified_on")).toLocalDate();
            LocalDate from = ((java.sql.Date) r.get("notice_from")).toLocalDate();
            LocalDate until = ((java.sql.Date) r.get("notice_until")).toLocalDate();
            LocalDate closedOn = day(r.get("closed_at"), zone);
            assertThat(verified).as("verified after applying: %s", r).isAfterOrEqualTo(applied);
            assertThat(from).as("the notice follows the verification: %s", r).isAfter(verified);
            assertThat(closedOn).as("closed after the notice ran its course: %s", r).isAfter(until);
            assertThat(closedOn).as("closed weeks ago: %s", r).isBefore(today.minusWeeks(2));
            if (r.get("looked_back_at") != null) {
                assertThat(day(r.get("looked_back_at"), zone)).as("looked back after closing: %s", r).isAfter(closedOn);
            }
        }
    }

    private static LocalDate day(Object timestamp, java.time.ZoneId zone) {
        return ((java.sql.Timestamp) timestamp).toInstant().atZone(zone).toLocalDate();
    }

    @Test
    void the_pages_read_refs_and_months_as_typed() throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "回头看表单方案");
        LocalDate today = LocalDate.now(clock);
        long first = plan.started("表单任务甲", unitId("市林业局"), today.plusMonths(1));
        long second = plan.started("表单任务乙", unitId("市林业局"), today.plusMonths(1));
        LookBackFixture.close(mvc, first);
        LookBackFixture.close(mvc, second);
        mvc.perform(post("/closure/look-backs/campaigns").with(office()).with(csrf()).param("planId", String.valueOf(plan.planId()))
                        .param("title", "表单专项回头看").param("refs", " " + ref(first) + " ，\n" + ref(second) + "、")
                        .param("dueOn", today.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select task_id from look_back where campaign_id is not null and task_id in (?, ?)",
                Long.class, first, second)).containsExactlyInAnyOrder(first, second);

        mvc.perform(post("/closure/look-backs/settings/{id}", plan.planId()).with(office()).with(csrf()).param("months", "9、 3"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/look-backs/settings/{id}", plan.planId()).with(office()))
                .andExpect(jsonPath("$.months[0]").value(3)).andExpect(jsonPath("$.months[1]").value(9));
        mvc.perform(post("/closure/look-backs/settings/{id}", plan.planId()).with(office()).with(csrf()).param("months", "六"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void on_the_page_a_refused_record_says_why_keeps_the_text_and_stores_nothing_and_a_good_one_shows_the_result(
            Scenario scenario) throws Exception {
        long lookBack = closedTaskLookBack(scenario, "回头看页面");
        mvc.perform(multipart("/closure/look-backs/{id}/record", lookBack).file(photo("照片.png"))
                        .param("findings", "已核查，未见反弹").with(office()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请选择“巩固”或“反弹”。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已核查，未见反弹")));
        assertThat(count("look_back_evidence where look_back_id = " + lookBack)).isZero();
        mvc.perform(multipart("/closure/look-backs/{id}/record", lookBack).file(photo("照片.png"))
                        .param("outcome", "HELD").param("findings", "已核查，未见反弹").with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/closure/look-backs/{id}", lookBack).with(office())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("照片.png")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("巩固")));
        // the lead unit reads the result, without a form to record
        mvc.perform(get("/closure/look-backs/{id}", lookBack).with(epbStaff())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("record-form"))));
    }

    // ---- helpers ----

    private long closedTaskLookBack(Scenario scenario, String title) throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "回头看测试方案");
        long task = plan.started(title, unitId("市环境保护局"), LocalDate.now(clock).plusMonths(1));
        return id(closedAndScheduled(scenario, task, 2, () -> {
            LookBackFixture.close(mvc, task);
            return task;
        }).get(0));
    }

    /** Closes the task and returns its scheduled rounds, by due date, once the closing has been heard (LookBackTriggers). */
    private List<Map<String, Object>> closedAndScheduled(Scenario scenario, long task, int rounds, Callable<Long> closing) {
        scenario.stimulate(ClientRequest.sent(closing))
                .andWaitForStateChange(new EventsHandled(publications).about(task), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(scheduled(task)).hasSize(rounds));
        return scheduled(task);
    }

    private List<Map<String, Object>> scheduled(long task) {
        return jdbc.queryForList("select * from look_back where task_id = ? and round_months is not null order by due_on", task);
    }

    private static long id(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }

    private String taskStatus(long task) {
        return jdbc.queryForObject("select status from task where id = ?", String.class, task);
    }

    private String ref(long task) {
        return jdbc.queryForObject("select ref from task where id = ?", String.class, task);
    }

    private long count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class);
    }

    private long unitId(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    private static MockMultipartFile photo(String name) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xde};
        return new MockMultipartFile("files", name, "image/png", png);
    }
}
