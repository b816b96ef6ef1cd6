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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit answers a supervision notice with text and evidence files, in one transaction; the files are downloaded by
 * whoever sees the notice and by no one else; a late answer keeps the task yellow and tells the issuer.
 */
@IntegrationTest
@EnableScenarios
class NoticeReplyEvidenceTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final byte[] PDF = "%PDF-1.4\n% 整改情况说明\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    Warnings warnings;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublicationRegistry publications;

    @Test
    void a_reply_with_files_keeps_them_linked_to_the_notice_and_shows_them_on_its_page() throws Exception {
        long notice = issue(quietTask(), warnings.today().plusDays(5), office());
        reply(notice, "已完成自查，整改方案见附件", as("epb-staff"), file("整改方案.pdf", PDF), file("现场照片.png", PNG))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[0].replyText").value("已完成自查，整改方案见附件"))
                .andExpect(jsonPath("$.evidence.length()").value(2))
                .andExpect(jsonPath("$.evidence[0].fileName").value("整改方案.pdf"))
                .andExpect(jsonPath("$.evidence[0].contentType").value("application/pdf"))
                .andExpect(jsonPath("$.evidence[0].sha256").value(sha256(PDF)))
                .andExpect(jsonPath("$.evidence[1].fileName").value("现场照片.png"))
                .andExpect(jsonPath("$.evidence[1].uploadedBy").value(containsString("演示·市环保局经办人")));
        assertThat(linkedFiles(notice)).containsExactly("整改方案.pdf", "现场照片.png");
        mvc.perform(get("/supervision/notices/{id}", notice).with(as("supervisor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已完成自查，整改方案见附件")))
                .andExpect(content().string(containsString("整改方案.pdf")))
                .andExpect(content().string(containsString(sha256(PDF))))
                .andExpect(content().string(containsString(PDF.length + " B")))
                .andExpect(content().string(containsString("/supervision/notices/" + notice + "/evidence/")));
        mvc.perform(get("/api/supervision/notices").with(office()))
                .andExpect(jsonPath("$[?(@.id == %d)].evidence[0].fileName".formatted(notice)).value("整改方案.pdf"));
    }

    @Test
    void a_refused_file_refuses_the_whole_reply_and_stores_nothing() throws Exception {
        long notice = issue(quietTask(), warnings.today().plusDays(5), office());
        String good = "说明" + SEQ.incrementAndGet() + ".pdf";
        reply(notice, "已整改", as("epb-staff"), file(good, PDF), file("工具.exe.pdf", EXE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("文件“工具.exe.pdf”是可执行程序或脚本，不能作为佐证材料上传。"));
        mvc.perform(multipart("/supervision/notices/{id}/reply", notice).file(file(good, PDF)).file(file("空.txt", new byte[0]))
                        .param("reply", "页面上的回复").with(as("epb-staff")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("文件“空.txt”是空的，未上传。")))
                .andExpect(content().string(containsString("页面上的回复"))) // the text typed stays on the form
                .andExpect(content().string(containsString("请改正后重新选择")));
        assertThat(jdbc.queryForObject("select replied_at is null from supervision_notice where id = ?", Boolean.class, notice)).isTrue();
        assertThat(linkedFiles(notice)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from evidence where file_name = ?", Integer.class, good)).isZero();
        reply(notice, "   ", as("epb-staff"), file(good, PDF))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.reply").value("请填写回复内容。"));
        assertThat(jdbc.queryForObject("select count(*) from evidence where file_name = ?", Integer.class, good)).isZero();
    }

    @Test
    void reply_files_download_for_whoever_sees_the_notice_and_answer_404_to_everyone_else() throws Exception {
        long task = quietTask();
        long notice = issue(task, warnings.today().plusDays(5), as("supervisor"));
        long other = issue(quietTask(), warnings.today().plusDays(5), as("supervisor"));
        String body = reply(notice, "见附件", as("epb-head"), file("核查报告.pdf", PDF)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long evidence = ((Number) JsonPath.read(body, "$.evidence[0].id")).longValue();
        String page = "/supervision/notices/%d/evidence/%d".formatted(notice, evidence);
        for (String user : List.of("admin", "office", "supervisor", "leader", "epb-staff", "epb-head")) {
            mvc.perform(get(page).with(as(user)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(content().bytes(PDF));
        }
        mvc.perform(get("/api" + page).with(as("epb-staff"))).andExpect(status().isOk()).andExpect(content().bytes(PDF));
        for (String user : List.of("linxiang-staff", "linxiang-office")) { // the task is not theirs: not even the notice
            mvc.perform(get(page).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api" + page).with(as(user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/supervision/notices/{id}", notice).with(as(user))).andExpect(status().isNotFound());
        }
        // the file belongs to this notice only, and to no progress report
        mvc.perform(get("/supervision/notices/%d/evidence/%d".formatted(other, evidence)).with(office()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/progress/evidence/{id}", evidence).with(as("epb-staff"))).andExpect(status().isNotFound());
    }

    @Test
    void a_second_reply_is_refused_and_keeps_the_first_with_its_files() throws Exception {
        long notice = issue(quietTask(), warnings.today().plusDays(5), office());
        reply(notice, "第一次回复", as("epb-staff"), file("第一次.pdf", PDF)).andExpect(status().isOk());
        reply(notice, "第二次回复", as("epb-head"), file("第二次.pdf", PDF))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已经回复过了")));
        reply(notice, "领导代答", as("leader"), file("第三次.pdf", PDF)).andExpect(status().isForbidden());
        assertThat(linkedFiles(notice)).containsExactly("第一次.pdf");
        assertThat(jdbc.queryForObject("select count(*) from evidence where file_name in ('第二次.pdf', '第三次.pdf')",
                Integer.class)).isZero();
        mvc.perform(get("/supervision/notices/{id}", notice).with(as("epb-staff")))
                .andExpect(content().string(containsString("第一次回复")))
                .andExpect(content().string(not(containsString("id=\"reply-form\""))));
    }

    @Test
    void a_late_reply_raises_the_task_to_yellow_and_tells_the_issuer_that_it_was_late(Scenario scenario) throws Exception {
        LocalDate today = warnings.today();
        long task = quietTask();
        long notice = issue(task, today.plusDays(1), as("supervisor"));
        jdbc.update("update supervision_notice set reply_by = ? where id = ?", today.minusDays(2), notice);
        warnings.recompute(task, today);
        assertThat(warning(task)).isEqualTo("YELLOW NOTICE_UNANSWERED");
        scenario.stimulate(ClientRequest.sent(() -> reply(notice, "迟到的回复", as("epb-staff"), file("补充材料.pdf", PDF))
                        .andExpect(status().isOk())))
                .andWaitForStateChange(answerHandled(notice), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(inbox("supervisor", "answered:" + notice)).isEqualTo("notify.noticeAnsweredLate"));
        assertThat(warning(task)).isEqualTo("YELLOW NOTICE_ANSWERED_LATE"); // answering late does not clear it
        assertThat(jdbc.queryForObject("select replied_late from supervision_notice where id = ?", Boolean.class, notice)).isTrue();
        mvc.perform(get("/supervision/notices/{id}", notice).with(as("supervisor")))
                .andExpect(content().string(containsString("逾期回复")));
        warnings.recompute(task, today.plusDays(WarningPolicy.LATE_ANSWER_COUNTS + 1));
        assertThat(warning(task)).isEqualTo("NONE "); // a month on, the late answer no longer counts

        long onTime = issue(quietTask(), today.plusDays(3), as("supervisor"));
        scenario.stimulate(ClientRequest.sent(() -> reply(onTime, "按时回复", as("epb-staff")).andExpect(status().isOk())))
                .andWaitForStateChange(answerHandled(onTime), Boolean.TRUE::equals)
                .andVerify(handled -> assertThat(inbox("supervisor", "answered:" + onTime)).isEqualTo("notify.noticeAnswered"));
    }

    @Test
    void unit_users_see_the_notices_on_their_own_tasks_and_only_those(Scenario scenario) throws Exception {
        long task = quietTask();
        scenario.stimulate(ClientRequest.sent(() -> issue(task, warnings.today().plusDays(4), as("supervisor"))))
                .andWaitForStateChange(new EventsHandled(publications).of(NoticeIssued.class, e -> e.taskId() == task),
                        Boolean.TRUE::equals)
                .andVerify((handled, notice) -> assertThat(inbox("epb-staff", "notice:" + notice)).isEqualTo("notify.noticeIssued"));
        long notice = jdbc.queryForObject("select id from supervision_notice where task_id = ?", Long.class, task);
        String number = JsonPath.read(mvc.perform(get("/api/supervision/notices/{id}", notice).with(office()))
                .andReturn().getResponse().getContentAsString(), "$.number");
        mvc.perform(get("/supervision/notices").with(as("epb-staff")))
                .andExpect(content().string(containsString(number)));
        mvc.perform(get("/supervision/tasks/{id}/notices", task).with(as("epb-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("待回复")))
                .andExpect(content().string(not(containsString("issue-notice"))));
        mvc.perform(get("/supervision/tasks/{id}/notices", task).with(as("supervisor")))
                .andExpect(content().string(containsString("id=\"issue-notice\"")));
        mvc.perform(get("/tasks/{id}", task).with(as("epb-staff")))
                .andExpect(content().string(containsString("/supervision/tasks/" + task + "/notices")));
        mvc.perform(get("/supervision/notices").with(as("linxiang-staff")))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/supervision/tasks/{id}/notices", task).with(as("linxiang-staff"))).andExpect(status().isNotFound());
    }

    // ---- helpers

    private long issue(long task, LocalDate replyBy, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(post("/api/supervision/notices").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"请说明整改进展并附佐证材料\", \"replyBy\": \"%s\"}".formatted(task, replyBy)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions reply(long notice, String text, RequestPostProcessor who, MockMultipartFile... files) throws Exception {
        var request = multipart("/api/supervision/notices/{id}/reply", notice).param("reply", text).with(who);
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        return mvc.perform(request);
    }

    /** True once every answer to the notice has been handled by its listeners (the issuer's inbox among them). */
    private java.util.function.Supplier<Boolean> answerHandled(long notice) {
        return new EventsHandled(publications).of(NoticeAnswered.class, e -> e.noticeId() == notice);
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }

    private List<String> linkedFiles(long notice) {
        return jdbc.queryForList("select e.file_name from notice_evidence n join evidence e on e.id = n.evidence_id "
                + "where n.notice_id = ? order by n.position", String.class, notice);
    }

    private String warning(long task) {
        return jdbc.queryForObject("select level || ' ' || reasons from task_warning where task_id = ?", String.class, task);
    }

    /** The message of a kind of notification about one object (each answer has its own: the key ends with its time). */
    private String inbox(String username, String dedupeKey) {
        return jdbc.query("select m.message_key from inbox_message m join account a on a.id = m.account_id "
                + "where a.username = ? and (m.dedupe_key = ? or m.dedupe_key like ?)", (rs, i) -> rs.getString(1), username,
                dedupeKey, dedupeKey + ":%")
                .stream().findFirst().orElse(null);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A started task of the tests' own plan, led by 市环境保护局, with its only date far away: no warning. */
    private long quietTask() throws Exception {
        return TestTasks.inPlan(mvc, plans, units, "督办单回复测试方案").started("督办单测试任务",
                units.resolve("市环境保护局").orElseThrow().id(), warnings.today().plusYears(1));
    }
}
