package org.rectify.closure;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.progress.EvidenceStore;
import org.rectify.progress.internal.FileSystemEvidenceStore;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case dossier (一案一档): one ZIP whose index matches the database and whose every file matches the hash and
 * size the index gives; the same state gives the same bytes, a new report other bytes; accountability only for
 * those who may see it; 404 outside the caller's scope. Each test makes its own plan, task, reports and notice.
 */
@IntegrationTest
class DossierTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

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
    EvidenceStore store;

    long task;
    long pastCycle;
    long currentCycle;
    String workDone;

    @BeforeEach
    void aTaskWithAReportANoticeAndAnAction() throws Exception {
        int n = SEQ.incrementAndGet();
        LocalDate today = warnings.today();
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "一案一档测试方案 " + n + " " + System.nanoTime());
        mvc.perform(put("/api/progress/plans/{id}/cadence", tasks.planId()).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kind": "CUSTOM", "graceDays": 3, "approvalRequired": false, "startsOn": "%s",
                         "customDueDates": ["%s", "%s"]}""".formatted(today.minusDays(70), today.minusDays(40), today.plusDays(10))))
                .andExpect(status().isOk());
        List<Number> cycles = JsonPath.read(mvc.perform(get("/api/progress/plans/{id}/cycles", tasks.planId()).with(office()))
                .andReturn().getResponse().getContentAsString(), "$[*].id");
        pastCycle = cycles.get(0).longValue();
        currentCycle = cycles.get(1).longValue();
        task = tasks.started("一案一档测试任务" + n, units.resolve("市环境保护局").orElseThrow().id(), today.plusYears(1));
        workDone = "完成污水管网改造第" + n + "段，见验收记录。";
        report(currentCycle, workDone, pdf("验收记录.pdf", n), new MockMultipartFile("files", "现场照片.png", "image/png", PNG));
        String notice = mvc.perform(post("/api/supervision/notices").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"请报送管网改造验收材料\", \"replyBy\": \"%s\"}"
                                .formatted(task, today.plusDays(5))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(multipart("/api/supervision/notices/{id}/reply", ((Number) JsonPath.read(notice, "$.id")).longValue())
                        .file(pdf("督办回复说明.pdf", n)).param("reply", "已按要求报送验收材料").with(as("epb-staff")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/supervision/accountability").with(as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "SUMMONS", "unitId": %d, "personName": "测试对象", "personPost": "局长",
                                 "takenOn": "%s", "reason": "管网改造逾期%d", "decisionRef": "临督约〔2026〕%d号", "taskIds": [%d]}"""
                                .formatted(units.resolve("市环境保护局").orElseThrow().id(), today, n, n, task)))
                .andExpect(status().isCreated());
    }

    @Test
    void the_index_matches_the_database_and_every_file_its_hash_and_size() throws Exception {
        byte[] zip = mvc.perform(get("/api/tasks/{id}/dossier", task).with(office()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        List<String> names = List.copyOf(entries.keySet());
        assertThat(names.get(0)).isEqualTo("index.html");
        String index = new String(entries.get("index.html"), StandardCharsets.UTF_8);

        var task = jdbc.queryForMap("select ref, title, text from task where id = ?", this.task);
        assertThat(index).contains("一案一档", (String) task.get("ref"), (String) task.get("title"), workDone,
                "请报送管网改造验收材料", "已按要求报送验收材料", "约谈问责", "管网改造逾期");
        String number = jdbc.queryForObject("select number from supervision_notice where task_id = ?", String.class, this.task);
        assertThat(index).contains(number);

        // every evidence file of the task's reports and notice is in the ZIP once, with the hash and size the index gives
        List<Map<String, Object>> evidence = jdbc.queryForList("""
                select e.id, e.file_name, e.sha256, e.size_bytes from evidence e where e.id in (
                  select a.evidence_id from report_attachment a join progress_report r on r.id = a.report_id where r.task_id = ?
                  union select n.evidence_id from notice_evidence n join supervision_notice s on s.id = n.notice_id where s.task_id = ?)
                order by e.id""", this.task, this.task);
        assertThat(evidence).hasSize(3);
        assertThat(names.subList(1, names.size())).containsExactlyInAnyOrderElementsOf(
                evidence.stream().map(e -> "evidence/" + e.get("id") + "/" + e.get("file_name")).toList());
        for (Map<String, Object> e : evidence) {
            byte[] content = entries.get("evidence/" + e.get("id") + "/" + e.get("file_name"));
            assertThat(sha256(content)).isEqualTo(e.get("sha256"));
            assertThat((long) content.length).isEqualTo(((Number) e.get("size_bytes")).longValue());
            assertThat(index).contains("href=\"evidence/" + e.get("id") + "/" + e.get("file_name") + "\"")
                    .contains((String) e.get("sha256"))
                    .contains(String.format(java.util.Locale.ROOT, "%,d", content.length));
        }
    }

    @Test
    void a_file_recorded_but_gone_from_the_store_is_named_missing_where_it_is_linked_and_the_rest_is_packed() throws Exception {
        Map<String, Object> gone = jdbc.queryForMap("""
                select e.id, e.file_name, e.storage_key from evidence e join report_attachment a on a.evidence_id = e.id
                join progress_report r on r.id = a.report_id where r.task_id = ? and e.file_name = '验收记录.pdf'""", task);
        java.nio.file.Path goneFile = ((FileSystemEvidenceStore) store).root().resolve((String) gone.get("storage_key"));
        byte[] goneBytes = Files.readAllBytes(goneFile);
        Files.delete(goneFile);
        // another file under a key the store cannot hold (an older generator's form): missing too, not an error
        Map<String, Object> odd = jdbc.queryForMap("""
                select e.id, e.file_name, e.sha256 from evidence e join report_attachment a on a.evidence_id = e.id
                join progress_report r on r.id = a.report_id where r.task_id = ? and e.file_name = '现场照片.png'""", task);
        String oddKey = jdbc.queryForObject("select storage_key from evidence where id = ?", String.class, odd.get("id"));
        jdbc.update("update evidence set storage_key = ? where id = ?",
                ((String) odd.get("sha256")).substring(0, 2) + "/" + odd.get("sha256"), odd.get("id"));
        try {
            packsWhatIsThereAndNamesTheRest(gone, odd);
        } finally { // the database is shared: a backup test after this one packs every recorded file
            Files.write(goneFile, goneBytes);
            jdbc.update("update evidence set storage_key = ? where id = ?", oddKey, odd.get("id"));
        }
    }

    private void packsWhatIsThereAndNamesTheRest(Map<String, Object> gone, Map<String, Object> odd) throws Exception {

        Map<String, byte[]> zip = unzip(dossier("/api/tasks/{id}/dossier", office()));
        String index = new String(zip.get("index.html"), StandardCharsets.UTF_8);
        String gonePath = "evidence/" + gone.get("id") + "/验收记录.pdf";
        String oddPath = "evidence/" + odd.get("id") + "/现场照片.png";
        assertThat(zip).doesNotContainKeys(gonePath, oddPath);
        assertThat(zip.keySet()).hasSize(2).first().isEqualTo("index.html"); // the index and the notice reply's file
        assertThat(index).contains("以下 2 个文件有登记记录，但平台存档中没有该文件")
                .contains("<li>" + gonePath + "</li>").contains("<li>" + oddPath + "</li>")
                .contains("<span>" + gonePath + "</span>").contains("<span>" + oddPath + "</span>")
                .contains("（不在存档中，未打包）");
        // the report section names them as not in the archive instead of linking to entries that are not there
        assertThat(index).doesNotContain("href=\"" + gonePath + "\"").doesNotContain("href=\"" + oddPath + "\"")
                .contains("<span>验收记录.pdf</span>").contains("<span>现场照片.png</span>");
        String packed = zip.keySet().stream().filter(k -> !k.equals("index.html")).findFirst().orElseThrow();
        assertThat(index).contains("href=\"" + packed + "\"");
    }

    @Test
    void the_same_state_gives_the_same_bytes_and_a_new_report_changes_them() throws Exception {
        byte[] first = dossier("/api/tasks/{id}/dossier", office());
        byte[] again = dossier("/tasks/{id}/dossier.zip", office());
        assertThat(sha256(again)).isEqualTo(sha256(first));
        // a draft of the next version is the unit's work in progress, not yet part of the record
        long report = jdbc.queryForObject("select id from progress_report where task_id = ?", Long.class, task);
        mvc.perform(post("/api/progress/reports/{id}/versions", report).with(as("epb-staff"))).andExpect(status().isCreated());
        assertThat(sha256(dossier("/api/tasks/{id}/dossier", office()))).isEqualTo(sha256(first));

        report(pastCycle, "补报上期进展：完成管网排查。", pdf("排查记录.pdf", SEQ.incrementAndGet()));
        byte[] after = dossier("/api/tasks/{id}/dossier", office());
        assertThat(sha256(after)).isNotEqualTo(sha256(first));
        assertThat(new String(unzip(after).get("index.html"), StandardCharsets.UTF_8)).contains("补报上期进展：完成管网排查。");
        assertThat(unzip(after)).hasSize(unzip(first).size() + 1);
    }

    @Test
    void the_lead_unit_gets_its_dossier_without_accountability_and_a_unit_outside_gets_404() throws Exception {
        String index = new String(unzip(dossier("/api/tasks/{id}/dossier", as("epb-staff"))).get("index.html"),
                StandardCharsets.UTF_8);
        assertThat(index).contains(workDone, "已按要求报送验收材料").doesNotContain("约谈问责").doesNotContain("管网改造逾期");
        mvc.perform(get("/api/tasks/{id}/dossier", task).with(as("linxiang-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/{id}/dossier.zip", task).with(as("linxiang-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks/{id}/dossier", Long.MAX_VALUE).with(office())).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/{id}", task).with(as("epb-staff")))
                .andExpect(content().string(containsString("/tasks/" + task + "/dossier.zip")));
    }

    @Test
    void a_closed_tasks_dossier_holds_its_closure_attempt_with_its_number_files_and_look_backs() throws Exception {
        // the demo's 四(二)1 went through the whole procedure and was closed with a number
        long closed = jdbc.queryForObject("select t.id from task t join closure c on c.task_id = t.id "
                + "where t.ref = '四(二)1' and c.stage = 'CLOSED'", Long.class);
        Map<String, Object> attempt = jdbc.queryForMap("select number, statement from closure where task_id = ? and stage = 'CLOSED'", closed);
        Map<String, byte[]> zip = unzip(mvc.perform(get("/tasks/{id}/dossier.zip", closed).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        String index = new String(zip.get("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("id=\"closures\"").contains((String) attempt.get("number"))
                .contains((String) attempt.get("statement")).contains("核查通过").contains("id=\"look-backs\"");
        for (Map<String, Object> file : jdbc.queryForList("select e.id, e.sha256 from closure_evidence ce join evidence e "
                + "on e.id = ce.evidence_id join closure c on c.id = ce.closure_id where c.task_id = ?", closed)) {
            String entry = zip.keySet().stream().filter(k -> k.startsWith("evidence/" + file.get("id") + "/")).findFirst().orElseThrow();
            assertThat(sha256(zip.get(entry))).isEqualTo(file.get("sha256"));
            assertThat(index).contains((String) file.get("sha256"));
        }
    }

    @Test
    void an_application_may_cite_the_evidence_of_the_tasks_reports_but_not_another_tasks() throws Exception {
        String form = mvc.perform(get("/tasks/{id}/closure/apply", task).with(as("epb-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Long> cited = java.util.regex.Pattern.compile("name=\"earlierEvidence\" value=\"(\\d+)\"").matcher(form).results()
                .map(m -> Long.valueOf(m.group(1))).toList();
        assertThat(cited).hasSize(2); // the report's PDF and photo
        assertThat(form).contains("验收记录.pdf").contains("现场照片.png");
        long foreign = jdbc.queryForObject("select max(id) from evidence", Long.class) + 1000;
        mvc.perform(application(List.of(cited.get(0), foreign))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("所引用的佐证材料不属于本任务的进展报告，请重新选择。"));
        assertThat(jdbc.queryForObject("select count(*) from closure where task_id = ?", Integer.class, task)).isZero();

        String applied = mvc.perform(application(cited)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(applied, "$.files[*].file.fileName")).containsExactlyInAnyOrder("验收记录.pdf", "现场照片.png");
        assertThat(jdbc.queryForList("select ce.evidence_id from closure_evidence ce join closure c on c.id = ce.closure_id "
                + "where c.task_id = ?", Long.class, task)).containsExactlyInAnyOrderElementsOf(cited);
    }

    /** An application citing {@code evidence} and uploading nothing, with the six items of this task's form. */
    private org.springframework.test.web.servlet.RequestBuilder application(List<Long> evidence) {
        String answers = String.join(", ", java.util.Collections.nCopies(6, "{\"achieved\": true, \"text\": \"已完成\"}"));
        return multipart("/api/closures").file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"taskId\": %d, \"application\": {\"statement\": \"整改措施已全部落实。\", \"answers\": [%s], \"earlierEvidence\": %s}}"
                        .formatted(task, answers, evidence).getBytes(StandardCharsets.UTF_8))).with(as("epb-staff"));
    }

    private void report(long cycle, String text, MockMultipartFile... files) throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, """
                {"taskId": %d, "cycleId": %d, "submit": true,
                 "content": {"workDone": "%s", "phase": "IN_PROGRESS", "onSchedule": true}}"""
                .formatted(task, cycle, text).getBytes(StandardCharsets.UTF_8));
        var request = multipart("/api/progress/reports").file(report);
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        mvc.perform(request.with(as("epb-staff"))).andExpect(status().isCreated());
    }

    private byte[] dossier(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path, task).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static MockMultipartFile pdf(String name, int n) {
        return new MockMultipartFile("files", name, "application/pdf",
                ("%PDF-1.4\n% " + name + " " + n + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertThat(entries.put(e.getName(), in.readAllBytes())).as("entry %s once", e.getName()).isNull();
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
