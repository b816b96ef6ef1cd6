package org.rectify.intake;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.rectify.DemoLogins.office;
import static org.rectify.intake.IntakeSupport.read;
import static org.rectify.intake.IntakeSupport.seed;
import static org.rectify.intake.IntakeSupport.smallPlan;
import static org.rectify.intake.IntakeSupport.taskId;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The intake API: the output contract of a plan text, and stored drafts fetched, corrected and published. */
@IntegrationTest
class IntakeApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Units units;

    @Test
    void the_seed_posted_as_text_comes_back_as_22_tasks_in_the_fields_of_the_output_contract() throws Exception {
        ResultActions r = mvc.perform(post("/api/intake/plan-text").with(office())
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).content(seed()));
        contract(r);
    }

    @Test
    void the_same_draft_comes_from_a_json_body_and_from_an_uploaded_file() throws Exception {
        contract(mvc.perform(post("/api/intake/plan-text").with(office()).contentType(MediaType.APPLICATION_JSON)
                .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of("text", seed())))));
        contract(mvc.perform(multipart("/api/intake/plan-text").file(new MockMultipartFile("file", "lincang.txt",
                "text/plain", seed().getBytes(StandardCharsets.UTF_8))).with(office())));
        contract(mvc.perform(multipart("/api/intake/plan-text").file(new MockMultipartFile("file", "lincang.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx(seed()))).with(office())));
    }

    @Test
    void text_without_a_charset_is_read_as_utf8_or_as_gb18030() throws Exception {
        for (byte[] body : List.of(seed().getBytes(StandardCharsets.UTF_8), seed().getBytes("GB18030"))) {
            mvc.perform(post("/api/intake/plan-text").with(office()).contentType(MediaType.TEXT_PLAIN).content(body))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.title").value(IntakeSupport.LINCANG))
                    .andExpect(jsonPath("$.tasks", hasSize(22)));
        }
    }

    @Test
    void an_unknown_unit_is_listed_as_unresolved_with_a_null_unit_id() throws Exception {
        mvc.perform(post("/api/intake/plan-text").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + smallPlan("接口甲整改方案", "市接口甲办公室").replace("\n", "\\n") + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unresolved[0].ref").value("一(一)"))
                .andExpect(jsonPath("$.unresolved[0].mention").value("市接口甲办公室"))
                .andExpect(jsonPath("$.tasks[0].leadUnits[0].unitId").value(nullValue()))
                .andExpect(jsonPath("$.tasks[0].supportingUnits[0].name").value("市财政局"))
                .andExpect(jsonPath("$.tasks[0].supportingUnits[0].unitId").value(notNullValue()));
    }

    @Test
    void an_empty_text_is_refused_with_422_and_a_sentence() throws Exception {
        mvc.perform(post("/api/intake/plan-text").with(office()).contentType(MediaType.APPLICATION_JSON).content("{\"text\": \" \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("文件是空的。"));
    }

    @Test
    void a_draft_is_stored_fetched_corrected_and_published_through_the_api() throws Exception {
        String title = "接口乙整改方案";
        String body = new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of(
                "text", smallPlan(title, "市接口乙办公室"),
                "header", Map.of("planTitle", title, "issuingBody", "临沧市人民政府", "issuedOn", "2018-03-01")));
        String created = mvc.perform(post("/api/intake/drafts").with(office()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/intake/drafts/")))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.header.issuedOn").value("2018-03-01"))
                .andExpect(jsonPath("$.unresolved[0].mention").value("市接口乙办公室"))
                .andExpect(jsonPath("$.tasks[0].version").value(0))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) read(created, "$.id")).longValue();
        long first = taskId(created, "一(一)");

        mvc.perform(post("/api/intake/drafts/{id}/publish", id).with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("一(一)：市接口乙办公室")));

        long treasury = units.resolve("市财政局").orElseThrow().id();
        mvc.perform(put("/api/intake/drafts/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tasks\": [{\"id\": " + first + ", \"version\": 0, \"title\": \"建立问题台账\","
                                + " \"leadUnits\": [{\"unitId\": " + treasury + "}], \"responsible\": \"张三（副局长）\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unresolved", hasSize(0)))
                .andExpect(jsonPath("$.tasks[0].leadUnits[0].name").value("市财政局"))
                .andExpect(jsonPath("$.tasks[0].version").value(1));

        mvc.perform(post("/api/intake/drafts/{id}/publish", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assign\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.alreadyPresent").value(0));
        mvc.perform(post("/api/intake/drafts/{id}/publish", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assign\": true}"))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.alreadyPresent").value(2));

        long planId = plans.findByTitle(title).orElseThrow();
        List<TaskSummary> tasks = ledger.find(LedgerFilter.ofPlan(planId, 50), DataScope.ALL).tasks();
        assertThat(tasks).extracting(TaskSummary::status).containsOnly(TaskStatus.ASSIGNED);
        assertThat(tasks.get(0).responsibleName()).isEqualTo("张三");
        assertThat(ledger.get(tasks.get(0).id(), DataScope.ALL).responsible().post()).isEqualTo("副局长");
        assertThat(plans.get(planId).issuingBody()).isEqualTo("临沧市人民政府");
        mvc.perform(get("/api/intake/drafts/{id}", id).with(office())).andExpect(jsonPath("$.publishedPlanId").value((int) planId));
    }

    @Test
    void a_change_made_from_an_old_version_is_refused_with_409_and_nothing_changes() throws Exception {
        String title = "接口丙整改方案";
        String created = mvc.perform(post("/api/intake/drafts").with(office()).contentType(MediaType.TEXT_PLAIN)
                        .content(smallPlan(title, "市财政局").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) read(created, "$.id")).longValue();
        long first = taskId(created, "一(一)");
        String change = "{\"version\": 0, \"header\": {\"planTitle\": \"%s\"}, \"tasks\": [{\"id\": " + first
                + ", \"version\": 0, \"title\": \"%s\"}]}";
        mvc.perform(put("/api/intake/drafts/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(title, "第一次修改")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/intake/drafts/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("别的标题", "第二次修改")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("修改了方案信息")));
        // the header was changed since version 0, and the task too: neither of the second change is kept
        String now = IntakeSupport.draft(mvc, id);
        assertThat((String) read(now, "$.header.planTitle")).isEqualTo(title);
        assertThat((String) read(now, "$.tasks[0].title")).isEqualTo("第一次修改");
        mvc.perform(put("/api/intake/drafts/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tasks\": [{\"id\": " + first + ", \"version\": 0, \"title\": \"第三次修改\"}]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("修改了任务 一(一)")));
        assertThat((String) read(IntakeSupport.draft(mvc, id), "$.tasks[0].title")).isEqualTo("第一次修改");
    }

    @Test
    void drafts_are_listed_and_can_be_discarded() throws Exception {
        long id = IntakeSupport.paste(mvc, smallPlan("接口丁整改方案", "市财政局"), "接口丁整改方案");
        mvc.perform(get("/api/intake/drafts").with(office()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].planTitle", hasItem("接口丁整改方案")));
        mvc.perform(delete("/api/intake/drafts/{id}", id).with(office())).andExpect(status().isNoContent());
        mvc.perform(get("/api/intake/drafts/{id}", id).with(office()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("草稿不存在")));
    }

    private static void contract(ResultActions r) throws Exception {
        r.andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(IntakeSupport.LINCANG))
                .andExpect(jsonPath("$.tasks", hasSize(22)))
                .andExpect(jsonPath("$.unresolved", hasSize(0)))
                .andExpect(jsonPath("$.warnings[0]", hasKey("ref")))
                .andExpect(jsonPath("$.warnings[0]", hasKey("message")))
                .andExpect(jsonPath("$.tasks[0].ref").value("二(一)"))
                .andExpect(jsonPath("$.tasks[0].title").value("强化决策部署"))
                .andExpect(jsonPath("$.tasks[0].text", containsString("市委常委会议和市政府常务会议每年研究部署环境保护工作不少于4次")))
                .andExpect(jsonPath("$.tasks[0].leadUnits[0].name").value("市委办公室"))
                .andExpect(jsonPath("$.tasks[0].leadUnits[0].group").value(false))
                .andExpect(jsonPath("$.tasks[0].leadUnits[0].unitId").value(notNullValue()))
                .andExpect(jsonPath("$.tasks[0].leadUnits[2].name").value("各县区党委"))
                .andExpect(jsonPath("$.tasks[0].leadUnits[2].group").value(true))
                .andExpect(jsonPath("$.tasks[0].leadUnits[2].unitId").value(notNullValue()))
                .andExpect(jsonPath("$.tasks[0].supportingUnits", hasSize(0)))
                .andExpect(jsonPath("$.tasks[0].ongoing").value(false))
                .andExpect(jsonPath("$.tasks[0].immediate").value(false))
                .andExpect(jsonPath("$.tasks[0].obligations[0].subject").value("市委常委会议和市政府常务会议研究部署环境保护工作"))
                .andExpect(jsonPath("$.tasks[0].obligations[0].atLeast").value(4))
                .andExpect(jsonPath("$.tasks[0].obligations[0].per").value("year"))
                .andExpect(jsonPath("$.tasks[0].obligations[0].from").value("2017-01-01"))
                .andExpect(jsonPath("$.tasks[0].obligations[0]", hasKey("phrase")))
                .andExpect(jsonPath("$.tasks[1].supportingUnits[0].name").value("市审计局"))
                .andExpect(jsonPath("$.tasks[3].ongoing").value(true))
                .andExpect(jsonPath("$.tasks[8].ref").value("四(一)"))
                .andExpect(jsonPath("$.tasks[8].deadlines[0].date").value("2017-12-31"))
                .andExpect(jsonPath("$.tasks[8].deadlines[0]", hasKey("phrase")))
                .andExpect(jsonPath("$.tasks[8].deadlines[0]", hasKey("deliverable")))
                .andExpect(jsonPath("$.tasks[8].deadlines[0].ambiguous").value(false))
                .andExpect(jsonPath("$.tasks[8].indicators[0].name").value("绿地率"))
                .andExpect(jsonPath("$.tasks[8].indicators[0].comparator").value(">="))
                .andExpect(jsonPath("$.tasks[8].indicators[0].value").value(36))
                .andExpect(jsonPath("$.tasks[8].indicators[0].unit").value("%"))
                .andExpect(jsonPath("$.tasks[8].indicators[0].due").value("2020-12-31"))
                .andExpect(jsonPath("$.tasks[8].indicators[0].phrase").value("全市城市建成区绿地率达到36%以上"))
                .andExpect(jsonPath("$.tasks[*].leadUnits[*].unitId", org.hamcrest.Matchers.not(hasItem(nullValue()))));
    }

    private static byte[] docx(String text) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n", -1)) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
