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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A supervision notice on a task with two lead units (市环境保护局 and 临翔区政府): each answers for itself, the issuer
 * accepts or sends back each answer, and the notice is done when both answered and both answers were accepted.
 */
@IntegrationTest
@EnableScenarios
class NoticeUnitAnswersTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry publications;
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

    @Test
    void each_lead_unit_answers_for_itself_and_the_notice_is_done_when_the_issuer_accepted_both(Scenario scenario) throws Exception {
        long notice = issueOnCoLedTask("分单位回复测试任务");
        String link = "/supervision/notices/" + notice + "\"";
        assertThat(todo(epbStaff())).contains(link);
        assertThat(todo(linxiang())).contains(link);

        reply(notice, null, "市环保局已完成排查", epbStaff()).andExpect(status().isOk())
                .andExpect(jsonPath("$.repliedAt").value(nullValue())); // 临翔区政府 has not answered: still open
        assertThat(answer(notice, "市环境保护局")).isEqualTo("市环保局已完成排查");
        assertThat(answer(notice, "临翔区政府")).isNull();
        assertThat(todo(epbStaff())).doesNotContain(link); // its unit answered
        assertThat(todo(linxiang())).contains(link);       // the other has not
        assertThat(todo(office())).contains(link).contains("· 市环境保护局");
        reply(notice, null, "再答一次", epbStaff()).andExpect(status().isConflict());

        reply(notice, null, "临翔区已完成整改", linxiang()).andExpect(status().isOk())
                .andExpect(jsonPath("$.repliedAt").value(notNullValue())).andExpect(jsonPath("$.acceptedAt").value(nullValue()));
        assertThat(todo(office())).contains("· 市环境保护局").contains("· 临翔区政府");

        // the issuer sends back 临翔区政府's answer alone: that unit is told and answers again; 市环保局's stands
        scenario.stimulate(ClientRequest.sent(() -> mvc.perform(post("/api/supervision/notices/{id}/send-back", notice)
                                .with(office()).contentType(MediaType.APPLICATION_JSON)
                                .content("{\"comment\": \"缺少现场照片\", \"unitId\": %d}".formatted(unit("临翔区政府"))))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.repliedAt").value(nullValue()))
                        .andExpect(jsonPath("$.sentBack[0].unitName").value("临翔区政府"))
                        .andExpect(jsonPath("$.sentBack[0].replyText").value("临翔区已完成整改"))))
                .andWaitForStateChange(new EventsHandled(publications).of(NoticeReplyReviewed.class,
                        e -> e.noticeId() == notice), Boolean.TRUE::equals)
                .andVerify(handled -> {
                    assertThat(sentBackTo("linxiang-staff")).contains(notice);
                    assertThat(sentBackTo("epb-staff")).doesNotContain(notice); // the same event's dispatch, done
                });
        assertThat(answer(notice, "临翔区政府")).isNull();
        assertThat(answer(notice, "市环境保护局")).isEqualTo("市环保局已完成排查");
        assertThat(todo(linxiang())).contains(link);
        assertThat(todo(epbStaff())).doesNotContain(link);

        // the issuer accepts 市环保局's answer: not done while 临翔区政府's is pending
        mvc.perform(post("/api/supervision/notices/{id}/accept", notice).param("unitId", String.valueOf(unit("市环境保护局")))
                .with(office())).andExpect(status().isOk()).andExpect(jsonPath("$.acceptedAt").value(nullValue()));
        reply(notice, null, "已补充现场照片", linxiang()).andExpect(status().isOk());
        mvc.perform(post("/api/supervision/notices/{id}/accept", notice).with(office())) // the one answer waiting
                .andExpect(status().isOk()).andExpect(jsonPath("$.acceptedAt").value(notNullValue()));
        assertThat(jdbc.queryForObject("select accepted_at is not null and replied_at is not null from supervision_notice where id = ?",
                Boolean.class, notice)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from notice_answer where notice_id = ? and accepted_at is not null",
                Integer.class, notice)).isEqualTo(2);
        assertThat(todo(office())).doesNotContain(link);
        assertThat(todo(linxiang())).doesNotContain(link);
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        assertThat(jdbc.queryForList("select action from audit_entry where object = ? order by seq", String.class, "notice:" + notice))
                .containsSubsequence("notice.answered", "notice.answered", "notice.reply-sent-back", "notice.reply-accepted",
                        "notice.answered", "notice.reply-accepted");
    }

    @Test
    void the_notice_sheet_indents_each_paragraph_of_the_demands() throws Exception {
        long task = TestTasks.inPlan(mvc, plans, units, "分段督办测试方案")
                .startedLedBy("分段督办测试任务", List.of(unit("市环境保护局")), LocalDate.now().plusDays(200));
        long notice = ((Number) JsonPath.read(mvc.perform(post("/api/supervision/notices").with(office())
                .contentType(MediaType.APPLICATION_JSON).content("{\"taskId\": %d, \"demands\": \"一、报送进展。\\n\\n二、说明原因。\", \"replyBy\": \"%s\"}"
                        .formatted(task, warnings.today().plusDays(5)))).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(page("/supervision/notices/" + notice, epbStaff()))
                .contains("<p class=\"circular-paragraph mb-2 notice-demands\">一、报送进展。</p>")
                .contains("<p class=\"circular-paragraph mb-2 notice-demands\">二、说明原因。</p>");
    }

    @Test
    void a_lead_unit_cannot_answer_for_the_other_and_the_office_answering_names_the_unit() throws Exception {
        long notice = issueOnCoLedTask("代答测试任务");
        reply(notice, unit("临翔区政府"), "替临翔区回复", epbStaff()).andExpect(status().isForbidden());
        assertThat(answer(notice, "临翔区政府")).isNull();
        reply(notice, null, "办公室代为回复", office()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请选择为哪个责任单位回复。"));
        reply(notice, unit("临沧市"), "办公室代为回复", office()).andExpect(status().isUnprocessableContent());
        reply(notice, unit("临翔区政府"), "办公室代临翔区政府回复", office()).andExpect(status().isOk());
        assertThat(answer(notice, "临翔区政府")).isEqualTo("办公室代临翔区政府回复");
        assertThat(answer(notice, "市环境保护局")).isNull();
        // the issuer cannot accept without naming which answer when... only one waits: it is that one
        mvc.perform(post("/api/supervision/notices/{id}/accept", notice).with(epbStaff())).andExpect(status().isForbidden());
    }

    @Test
    void the_notice_page_and_the_tasks_panel_show_who_answered_and_who_is_pending() throws Exception {
        long notice = issueOnCoLedTask("分单位展示测试任务");
        reply(notice, null, "市环保局的回复", epbStaff()).andExpect(status().isOk());
        String page = page("/supervision/notices/" + notice, office());
        assertThat(page).contains("1/2 个单位已回复").contains("市环保局的回复").contains("已回复，待确认")
                .contains("data-unit=\"临翔区政府\"");
        assertThat(page.substring(page.indexOf("data-unit=\"临翔区政府\""))).contains("待回复");
        // 临翔区政府's staff gets the form for its own unit only
        String theirs = page("/supervision/notices/" + notice, linxiang());
        assertThat(theirs).contains("id=\"reply-form\"").contains("以临翔区政府的名义回复");
        // the unit that answered is told so, not that the notice "awaits reply"
        assertThat(page("/supervision/notices/" + notice, epbStaff())).doesNotContain("id=\"reply-form\"")
                .contains("<p class=\"text-muted small mb-0\" id=\"reply-state\">你单位已回复。</p>");
        assertThat(theirs).doesNotContain("你单位已回复");
        long task = jdbc.queryForObject("select task_id from supervision_notice where id = ?", Long.class, notice);
        String panel = page("/supervision/tasks/" + task + "/notices", epbStaff());
        assertThat(panel).contains("data-unit=\"市环境保护局\"").contains("data-unit=\"临翔区政府\"").contains("已回复，待确认");
        // the page's form answers for the caller's unit
        mvc.perform(post("/supervision/notices/{id}/reply", notice).param("reply", "临翔区的回复").with(linxiang()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(answer(notice, "临翔区政府")).isEqualTo("临翔区的回复");
    }

    private long issueOnCoLedTask(String title) throws Exception {
        long task = TestTasks.inPlan(mvc, plans, units, "分单位回复测试方案")
                .startedLedBy(title, List.of(unit("市环境保护局"), unit("临翔区政府")), LocalDate.now().plusDays(200));
        return ((Number) JsonPath.read(mvc.perform(post("/api/supervision/notices").with(office())
                .contentType(MediaType.APPLICATION_JSON).content("{\"taskId\": %d, \"demands\": \"请各单位分别报送\", \"replyBy\": \"%s\"}"
                        .formatted(task, warnings.today().plusDays(5)))).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id")).longValue();
    }

    private ResultActions reply(long notice, Long unitId, String text, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/supervision/notices/{id}/reply", notice).with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reply\": \"%s\", \"unitId\": %s}".formatted(text, unitId)));
    }

    private String answer(long notice, String unit) {
        return jdbc.queryForObject("select reply_text from notice_answer where notice_id = ? and unit_name = ?", String.class,
                notice, unit);
    }

    private List<Long> sentBackTo(String username) {
        return jdbc.queryForList("""
                select m.link from inbox_message m join account a on a.id = m.account_id
                 where a.username = ? and m.kind = 'NOTICE_REPLY_SENT_BACK'""", String.class, username).stream()
                .map(l -> Long.parseLong(l.substring(l.lastIndexOf('/') + 1))).toList();
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    private static RequestPostProcessor linxiang() {
        return as("linxiang-staff");
    }

    private String todo(RequestPostProcessor who) throws Exception {
        return page("/todo", who);
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
