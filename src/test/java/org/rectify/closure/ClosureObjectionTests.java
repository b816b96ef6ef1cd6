package org.rectify.closure;

import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 异议: anyone objects to a closure under notice without an account; the contact stays with the office; closing waits
 * for the answer; an upheld objection sends the attempt back to verification; the form cannot flood the database.
 */
@IntegrationTest
@EnableScenarios
class ClosureObjectionTests {

    private static final int ITEMS = 6;

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    TaskLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublicationRegistry publications;

    @Test
    void an_upheld_objection_sends_the_closure_back_to_verification_and_closing_waits_for_every_answer() throws Exception {
        ClosureFlow flow = new ClosureFlow(mvc);
        long id = underNotice(flow, "异议测试任务");
        mvc.perform(get("/public/closures/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("异议测试任务")));
        mvc.perform(get("/public/closures")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/public/closures/" + id)))
                .andExpect(content().string(containsString("异议测试任务")));

        object(id, "河道里仍有垃圾，整改不彻底", "13800000000", "198.51.100.1").andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/closures/{id}", id)).andExpect(content().string(not(containsString("13800000000"))));
        mvc.perform(get("/api/closures/{id}", id).with(epbStaff())).andExpect(jsonPath("$.objections[0].contact").doesNotExist());
        mvc.perform(get("/api/closures/{id}", id).with(office())).andExpect(jsonPath("$.objections[0].contact").value("13800000000"));
        mvc.perform(get("/closure").with(office())).andExpect(content().string(containsString("1 条异议待答复")));

        jdbc.update("update closure set notice_until = current_date - 1 where id = ?", id);
        flow.close(office(), id).andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("未答复")));
        long objection = jdbc.queryForObject("select id from closure_objection where closure_id = ?", Long.class, id);
        flow.answer(epbStaff(), id, objection, true, "成立").andExpect(status().isForbidden());
        flow.answer(office(), id, objection, true, "经核实，河道仍有垃圾，重新核查").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("UNDER_VERIFICATION")).andExpect(jsonPath("$.noticeUntil").doesNotExist());
        flow.verify(office(), id, true, null).andExpect(status().isOk());
        flow.approve(office(), id).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("UNDER_NOTICE"));

        object(id, "不同意销号", null, "198.51.100.2").andExpect(status().is3xxRedirection());
        long second = jdbc.queryForObject("select max(id) from closure_objection where closure_id = ?", Long.class, id);
        flow.answer(office(), id, second + 1_000_000, false, "无此异议").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("没有编号为 " + (second + 1_000_000) + " 的异议")));
        flow.answer(office(), id, second, false, "经现场复核，垃圾已清理完毕").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("UNDER_NOTICE"));
        mvc.perform(get("/public/closures/{id}", id)).andExpect(content().string(containsString("经现场复核，垃圾已清理完毕")));
        jdbc.update("update closure set notice_until = current_date - 1 where id = ?", id);
        flow.close(office(), id).andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("CLOSED"));
        long task = jdbc.queryForObject("select task_id from closure where id = ?", Long.class, id);
        assertThat(ledger.get(task, org.rectify.access.DataScope.ALL).status()).isEqualTo(TaskStatus.CLOSED);
        String number = jdbc.queryForObject("select number from closure where id = ?", String.class, id);
        byte[] docx = mvc.perform(get("/closure/{id}/notice.docx", id).with(epbStaff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).collect(java.util.stream.Collectors.joining("\n"));
            assertThat(text).contains("整改任务销号通知", number, "市环境保护局：", "异议测试任务", "公示期间收到异议2件", "临沧市");
        }
        mvc.perform(get("/closure/{id}", id).with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString("13800000000"))).andExpect(content().string(containsString(number)));
        mvc.perform(get("/closure/{id}", id).with(epbStaff())).andExpect(content().string(not(containsString("13800000000"))));
        // closed: no longer on notice, no more objections
        mvc.perform(get("/public/closures/{id}", id)).andExpect(status().isNotFound());
        object(id, "还有问题", null, "198.51.100.3").andExpect(status().isNotFound());
    }

    /**
     * A visitor following a notice's link after its period ended reads that in their words, and is led to the notices,
     * not to the ledger (a sign-in form to them); the list says what it is and what a visitor may do.
     */
    @Test
    void a_visitor_on_an_ended_notice_or_the_bare_public_address_is_led_to_the_notices_which_say_what_they_are() throws Exception {
        long none = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from closure", Long.class);
        mvc.perform(get("/public/closures/{id}", none)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("该任务不在公示期内：公示可能已经结束，或链接有误。")))
                .andExpect(content().string(not(containsString("销号申请"))))
                .andExpect(content().string(containsString("<a class=\"btn btn-outline-secondary mt-2\" id=\"error-back\" href=\"/public/closures\">查看全部公示</a>")))
                .andExpect(content().string(not(containsString("返回台账"))));
        mvc.perform(get("/public/closures/{id}", none).param("lang", "en"))
                .andExpect(content().string(containsString("This task is not under public notice")))
                .andExpect(content().string(containsString(">All closures under public notice</a>")));
        mvc.perform(get("/tasks/{id}", Long.MAX_VALUE).with(office())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("href=\"/tasks\">返回台账</a>")))
                .andExpect(content().string(not(containsString("查看全部公示"))));
        mvc.perform(get("/public/closures")).andExpect(status().isOk())
                .andExpect(content().string(containsString("以下整改任务已完成整改，拟予销号，现予公示。")));
        mvc.perform(get("/public")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/public/closures"));
        mvc.perform(get("/public/")).andExpect(redirectedUrl("/public/closures"));
    }

    @Test
    void the_objection_form_cannot_flood_the_database_and_a_refused_one_stores_nothing(Scenario scenario) throws Exception {
        ClosureFlow flow = new ClosureFlow(mvc);
        long id = underNotice(flow, "防刷测试任务");
        int evidence = count("select count(*) from evidence");
        object(id, " ", null, "192.0.2.1").andExpect(status().isUnprocessableContent());
        object(id, "太长".repeat(1001), null, "192.0.2.1").andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/public/closures/{id}/objections", id)
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[6 * 1024 * 1024]))
                        .param("text", "附大文件").with(from("192.0.2.1")).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(count("select count(*) from closure_objection where closure_id = " + id)).isZero();
        assertThat(count("select count(*) from evidence")).isEqualTo(evidence);

        for (int i = 0; i < ClosureObjections.PER_CLIENT; i++) {
            object(id, "异议" + i, null, "192.0.2.1").andExpect(status().is3xxRedirection());
        }
        object(id, "再来一条", null, "192.0.2.1").andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("提交过于频繁")));
        // many addresses: the closure takes a bounded number of unanswered objections
        for (int i = 0; count("select count(*) from closure_objection where closure_id = " + id) < ClosureObjections.PER_CLOSURE; i++) {
            object(id, "群发异议", null, "10.9.%d.%d".formatted(i / 200, i % 200)).andExpect(status().is3xxRedirection());
        }
        scenario.stimulate(ClientRequest.sent(() -> refused(id, "第51条", "10.10.0.1")))
                // the office hears of them once a day, not fifty times: asserted once every objection was handled
                .andWaitForStateChange(new EventsHandled(publications).of(ObjectionReceived.class,
                        event -> event.closureId() == id), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(count("select count(*) from inbox_message where dedupe_key like 'objection:"
                        + id + ":%' and account_id = (select id from account where username = 'office')")).isEqualTo(1));
        assertThat(count("select count(*) from closure_objection where closure_id = " + id)).isEqualTo(ClosureObjections.PER_CLOSURE);
    }

    @Test
    void the_public_list_and_notice_name_the_task_with_its_plans_short_name() throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "公示简称测试方案");
        mvc.perform(post("/plans/{id}/short-name", plan.planId()).param("shortName", "公示简称").with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long id = underNotice(new ClosureFlow(mvc), plan, "公示简称测试任务");
        String label = "公示简称·" + jdbc.queryForObject("select t.ref from task t join closure c on c.task_id = t.id where c.id = ?",
                String.class, id);
        // task references repeat from plan to plan: the list mixing plans says which plan, as the ledger does
        mvc.perform(get("/public/closures")).andExpect(status().isOk())
                .andExpect(content().string(containsString(">" + label + "</span><span>公示简称测试任务</span>")));
        mvc.perform(get("/public/closures/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"public-task-ref\">" + label + "</span>")));
    }

    private long underNotice(ClosureFlow flow, String title) throws Exception {
        return underNotice(flow, TestTasks.inPlan(mvc, plans, units, "销号异议测试方案"), title);
    }

    private long underNotice(ClosureFlow flow, TestTasks plan, String title) throws Exception {
        long task = plan.started(title, units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now().plusMonths(2));
        long id = flow.applied(epbStaff(), task, ITEMS);
        flow.assign(office(), id, null, false).andExpect(status().isOk());
        flow.verify(office(), id, true, null).andExpect(status().isOk());
        flow.approve(office(), id).andExpect(status().isOk());
        return id;
    }

    private long refused(long id, String text, String address) throws Exception {
        object(id, text, null, address).andExpect(status().isTooManyRequests());
        return id;
    }

    private ResultActions object(long id, String text, String contact, String address) throws Exception {
        var request = multipart("/public/closures/{id}/objections", id).param("text", text).with(from(address)).with(csrf());
        if (contact != null) {
            request.param("contact", contact);
        }
        return mvc.perform(request);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
