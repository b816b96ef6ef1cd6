package org.rectify.audit;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task page's timeline is the audit chain's record of the task: a task driven through report → return → resubmit →
 * notice → answer → instruction → closure application shows each step, in order, with who and when, exactly as the
 * chain holds them.
 */
@IntegrationTest
class TaskTimelineTests {

    private static final Pattern ENTRY = Pattern.compile(
            "data-action=\"([^\"]+)\" data-seq=\"(\\d+)\">\\s*<span[^>]*>([^<]+)</span>\\s*<strong[^>]*>[^<]*</strong>\\s*· <span[^>]*>([^<]+)</span>");

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.rectify.audit.AuditLog auditLog;

    @Test
    void the_timeline_shows_every_step_of_the_task_in_order_with_who_and_when_as_the_audit_chain_records_them() throws Exception {
        long task = drivenTask();
        String panel = page("/audit/tasks/" + task + "/timeline", office());
        Matcher m = ENTRY.matcher(panel);
        List<String[]> shown = new java.util.ArrayList<>();
        while (m.find()) {
            shown.add(new String[]{m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        List<Map<String, Object>> chain = jdbc.queryForList("""
                select seq, at, actor, action from audit_entry
                 where (object = ? or ((change::jsonb) ->> 'taskId')::bigint = ?)
                   and action not in ('reminder.due', 'lookback.reminded')
                 order by at, seq""", "task:" + task, task);
        assertThat(shown).hasSize(chain.size());
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (int i = 0; i < chain.size(); i++) {
            Map<String, Object> row = chain.get(i);
            assertThat(shown.get(i)[0]).isEqualTo(row.get("action"));
            assertThat(Long.parseLong(shown.get(i)[1])).isEqualTo(((Number) row.get("seq")).longValue());
            assertThat(shown.get(i)[2]).isEqualTo(((java.sql.Timestamp) row.get("at")).toInstant()
                    .atZone(clock.getZone()).format(minute));
            assertThat(shown.get(i)[3]).isEqualTo("system".equals(row.get("actor")) ? "系统（自动）" : row.get("actor"));
        }
        assertThat(shown.stream().map(s -> s[0]).toList()).containsSubsequence("task.created", "task.transitioned",
                "report.submitted", "report.returned", "report.drafted", "report.submitted", "notice.issued",
                "notice.answered", "instruction.given", "closure.apply");
        assertThat(panel).contains("整改办退回进展报告").contains("第2版").contains("回复督办单").contains("领导批示")
                .contains("申请销号").contains("佐证材料不足").contains("演示·市环保局经办人");
        // the reports panel shows both versions of the cycle's report, the first returned
        String reports = page("/progress/tasks/" + task + "/reports", office());
        assertThat(reports).contains("data-unit=\"市环境保护局\" data-version=\"2\"").contains("data-version=\"1\"").contains("已退回");
        // one fold per cycle, the latest open, its summary counting the versions
        assertThat(reports).containsPattern("<details class=\"task-report-cycle mb-2\" data-cycle=\"\\d+\" open=\"open\">")
                .contains("的一期 · 2 份");
        // the warning panel answers for the task
        assertThat(page("/supervision/tasks/" + task + "/warning", epbStaff())).contains("id=\"task-warning\"");
        // a reader who cannot see the task gets nothing
        mvc.perform(get("/audit/tasks/{id}/timeline", task).with(as("linxiang-staff"))).andExpect(status().isNotFound());
        // the task's page loads it
        assertThat(page("/tasks/" + task, epbStaff())).contains("/audit/tasks/" + task + "/timeline")
                .doesNotContain("id=\"history\""); // one record: the timeline, not a second 处理记录 card beside it
        assertThat(page("/audit/tasks/" + task + "/timeline", epbStaff())).contains("回复督办单");
    }

    @Test
    void a_look_backs_outcome_and_the_platforms_own_steps_read_in_words_not_codes() throws Exception {
        long relapsed = jdbc.queryForObject("select id from task where title = '南汀河沿岸非法采砂整治（演示）'", Long.class);
        String panel = page("/audit/tasks/" + relapsed + "/timeline", office());
        assertThat(panel).contains("回头看结论").contains("反弹 · 暗访发现").contains("预警等级变化").contains("系统（自动）")
                .doesNotContain("RELAPSED").doesNotContain(">system<");
    }

    @Test
    void the_whole_record_exports_as_a_word_document_with_its_sections_and_the_timeline_rows() throws Exception {
        long task = drivenTask();
        int entries = ENTRY.matcher(page("/audit/tasks/" + task + "/timeline", office())).results().mapToInt(r -> 1).sum();
        byte[] docx = mvc.perform(get("/audit/tasks/{id}/record.docx", task).with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("整改任务档案").contains("处理全程测试任务")
                    .contains("一、任务基本情况").contains("二、预警与挂账督办").contains("三、督办单及各单位回复")
                    .contains("四、领导批示及答复").contains("五、处理全程")
                    .contains("市环境保护局：已报送监测数据").contains("请加快推进");
            XWPFTable timeline = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(timeline.getNumberOfRows()).isEqualTo(entries + 1); // a header and one row per entry
            assertThat(timeline.getRows().stream().map(r -> r.getCell(2).getText()).toList())
                    .contains("创建任务", "整改办退回进展报告", "签发督办单", "回复督办单", "领导批示", "申请销号");
        }
        mvc.perform(get("/audit/tasks/{id}/record.docx", task).with(as("linxiang-staff"))).andExpect(status().isNotFound());
    }

    @Test
    void accountability_recorded_against_the_task_shows_to_the_office_and_never_to_the_unit_that_reads_the_task() throws Exception {
        long task = drivenTask();
        json(as("supervisor"), "/api/supervision/accountability", """
                {"type": "SUMMONS", "unitId": %d, "personName": "测试对象", "personPost": "局长", "takenOn": "%s",
                 "reason": "处理全程问责测试", "decisionRef": "临督约〔2026〕99号", "taskIds": [%d]}"""
                .formatted(units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now(clock), task))
                .andExpect(status().isCreated());
        assertThat(page("/audit/tasks/" + task + "/timeline", office())).contains("data-action=\"accountability.recorded\"");
        String unitView = page("/audit/tasks/" + task + "/timeline", epbStaff());
        assertThat(unitView).contains("data-action=\"notice.answered\"").doesNotContain("accountability.");
    }

    @Test
    void a_lead_unit_sees_the_steps_of_its_own_reports_and_not_those_of_a_co_lead_units_reports_it_cannot_read() throws Exception {
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        // a demo task co-led by 市环保局 and others, each reporting for itself
        long task = jdbc.queryForObject("""
                select task_id from progress_report group by task_id
                having count(distinct unit_id) > 1 and bool_or(unit_id = ?) order by task_id limit 1""", Long.class, epb);
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        List<Long> ownSteps = jdbc.queryForList("""
                select seq from audit_entry
                 where ((change::jsonb) ->> 'taskId')::bigint = ? and action like 'report.%'
                   and coalesce((select unit_id from progress_report where id = ((change::jsonb) ->> 'reportId')::bigint),
                                ((change::jsonb) ->> 'leadUnitId')::bigint) = ?
                 order by seq""", Long.class, task, epb);
        assertThat(ownSteps).isNotEmpty();
        List<Long> shownToUnit = reportSteps(page("/audit/tasks/" + task + "/timeline", epbStaff()));
        List<Long> shownToOffice = reportSteps(page("/audit/tasks/" + task + "/timeline", office()));
        assertThat(shownToUnit).containsExactlyElementsOf(ownSteps);
        assertThat(shownToOffice).containsAll(ownSteps).hasSizeGreaterThan(ownSteps.size());
    }

    private static List<Long> reportSteps(String panel) {
        return ENTRY.matcher(panel).results().filter(m -> m.group(1).startsWith("report.")).map(m -> Long.parseLong(m.group(2)))
                .sorted().toList();
    }

    /** A task of a new plan, led by 市环境保护局, taken through the steps the timeline is to show. */
    private long drivenTask() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long plan = id(mvc.perform(post("/api/plans").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"处理全程测试方案\"}")));
        mvc.perform(put("/api/progress/plans/{id}/cadence", plan).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind": "CUSTOM", "graceDays": 3, "approvalRequired": false, "startsOn": "%s",
                         "customDueDates": ["%s", "%s"]}""".formatted(today.minusDays(40), today.plusDays(10), today.plusDays(40))))
                .andExpect(status().isOk());
        long cycle = ((Number) JsonPath.<List<Number>>read(page("/api/progress/plans/" + plan + "/cycles", office()), "$[*].id")
                .get(0)).longValue();
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long task = id(mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON).content("""
                {"planId": %d, "ref": "一", "title": "处理全程测试任务", "text": "加强环境监测能力建设。",
                 "leadUnits": {"unitIds": [%d]}, "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}"""
                .formatted(plan, epb, today.plusDays(300)))));
        json(office(), "/api/tasks/" + task + "/transitions", "{\"command\": \"ASSIGN\"}").andExpect(status().isOk());
        long report = id(json(epbStaff(), "/api/progress/reports", """
                {"taskId": %d, "cycleId": %d, "content": {"workDone": "完成监测站建设方案编制", "phase": "COMPLETED",
                 "onSchedule": true}, "submit": true}""".formatted(task, cycle)));
        json(office(), "/api/progress/reports/" + report + "/return", "{\"comment\": \"佐证材料不足\"}").andExpect(status().isOk());
        long v2 = id(mvc.perform(post("/api/progress/reports/{id}/versions", report).with(epbStaff())));
        mvc.perform(post("/api/progress/reports/{id}/submit", v2).with(epbStaff())).andExpect(status().isOk());
        long notice = id(json(office(), "/api/supervision/notices", "{\"taskId\": %d, \"demands\": \"请报送监测数据\", \"replyBy\": \"%s\"}"
                .formatted(task, today.plusDays(5))));
        json(epbStaff(), "/api/supervision/notices/" + notice + "/reply", "{\"reply\": \"已报送监测数据\"}").andExpect(status().isOk());
        json(as("leader"), "/api/supervision/instructions", "{\"taskId\": %d, \"text\": \"请加快推进\", \"answerBy\": \"%s\"}"
                .formatted(task, today.plusDays(10))).andExpect(status().isCreated());
        String answers = Collections.nCopies(6, "{\"achieved\": true, \"text\": \"已完成\"}").stream().collect(Collectors.joining(", "));
        mvc.perform(multipart("/api/closures").file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        "{\"taskId\": %d, \"application\": {\"statement\": \"整改措施已全部落实。\", \"answers\": [%s]}}"
                                .formatted(task, answers).getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("files", "整改报告.pdf", "application/pdf",
                        "%PDF-1.4\n% 销号佐证\n%%EOF\n".getBytes(StandardCharsets.UTF_8))).with(epbStaff()))
                .andExpect(status().isCreated());
        return task;
    }

    private ResultActions json(RequestPostProcessor who, String uri, String body) throws Exception {
        return mvc.perform(post(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static long id(ResultActions result) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.andReturn().getResponse().getStatus()).as(body).isLessThan(300);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
