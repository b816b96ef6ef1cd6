package org.rectify.supervision;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The issuer of a supervision notice accepts its reply (the notice is done) or sends it back to be answered again. */
@IntegrationTest
@EnableScenarios
class NoticeReplyReviewTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    Warnings warnings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.rectify.audit.AuditLog auditLog;
    @Autowired
    EventPublicationRegistry publications;

    @Test
    void a_reply_sent_back_returns_to_the_unit_and_its_second_answer_is_accepted_by_the_issuer(Scenario scenario) throws Exception {
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long task = TestTasks.inPlan(mvc, plans, units, "督办回复确认测试方案").started("回复确认测试任务", epb, LocalDate.now().plusDays(90));
        long notice = ((Number) JsonPath.read(mvc.perform(post("/api/supervision/notices").with(office())
                .contentType(MediaType.APPLICATION_JSON).content("{\"taskId\": %d, \"demands\": \"请报送整改台账\", \"replyBy\": \"%s\"}"
                        .formatted(task, warnings.today().plusDays(5)))).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id")).longValue();
        reply(notice, "已报送台账");
        assertThat(todo(office())).contains("data-kind=\"60-replies\"").contains("/supervision/notices/" + notice + "\"");
        // the kind's number is counted in SQL (the header's, on every page); it is what the list holds
        String replies = todo(office()).split("data-kind=\"60-replies\"")[1].split("todo-group")[0];
        int listed = replies.split("class=\"list-group-item todo-item\"", -1).length - 1;
        assertThat(listed).isBetween(1, 19);
        assertThat(replies).contains("text-bg-secondary\">" + listed + "</span>");

        mvc.perform(post("/api/supervision/notices/{id}/accept", notice).with(epbStaff())).andExpect(status().isForbidden());
        mvc.perform(post("/api/supervision/notices/{id}/send-back", notice).with(office())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \" \"}")).andExpect(status().isUnprocessableContent());
        scenario.stimulate(ClientRequest.sent(() -> mvc.perform(post("/api/supervision/notices/{id}/send-back", notice)
                                .with(office()).contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"台账缺少责任人签字\"}"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.repliedAt").value(nullValue()))
                        .andExpect(jsonPath("$.sentBack[0].comment").value("台账缺少责任人签字"))
                        .andExpect(jsonPath("$.sentBack[0].replyText").value("已报送台账"))))
                .andWaitForStateChange(new EventsHandled(publications).of(NoticeReplyReviewed.class,
                        e -> e.noticeId() == notice), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(jdbc.queryForList("""
                        select m.link from inbox_message m join account a on a.id = m.account_id
                         where a.username = 'epb-staff' and m.kind = 'NOTICE_REPLY_SENT_BACK'""", String.class))
                        .contains("/supervision/notices/" + notice));
        assertThat(todo(epbStaff())).contains("/supervision/notices/" + notice + "\"");
        assertThat(todo(office())).doesNotContain("/supervision/notices/" + notice + "\"");

        reply(notice, "已补充责任人签字的台账");
        mvc.perform(post("/api/supervision/notices/{id}/accept", notice).with(office()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.acceptedAt").value(notNullValue()));
        mvc.perform(post("/api/supervision/notices/{id}/accept", notice).with(office())).andExpect(status().isConflict());
        assertThat(todo(office())).doesNotContain("/supervision/notices/" + notice + "\"");
        String page = mvc.perform(get("/supervision/notices/{id}", notice).with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"accepted-state\"").contains("退回意见：台账缺少责任人签字").doesNotContain("id=\"accept-reply\"");
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        assertThat(jdbc.queryForList("select action from audit_entry where object = ? order by seq", String.class,
                "notice:" + notice)).contains("notice.reply-sent-back", "notice.reply-accepted");
    }

    private void reply(long notice, String text) throws Exception {
        mvc.perform(post("/api/supervision/notices/{id}/reply", notice).with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reply\": \"%s\"}".formatted(text))).andExpect(status().isOk());
    }

    private String todo(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/todo").with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
