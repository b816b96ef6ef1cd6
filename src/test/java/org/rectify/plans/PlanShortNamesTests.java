package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A task named outside its plan says which plan: the office names its plans, 临沧2018·二(一). */
@IntegrationTest
class PlanShortNamesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    PlanShortNames shortNames;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void the_office_names_its_plan_and_the_supervision_desk_names_its_tasks_with_it() throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "简称测试整改方案");
        long task = plan.started("简称测试任务", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now().minusDays(3));
        mvc.perform(post("/plans/{id}/short-name", plan.planId()).param("shortName", " 简称测试 ").with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(shortNames.of(plan.planId())).contains("简称测试");
        assertThat(shortNames.label(task, "T1")).isEqualTo("简称测试·T1");
        mvc.perform(get("/supervision").with(office())).andExpect(content().string(containsString("简称测试·T")));
        mvc.perform(get("/plans").with(office())).andExpect(content().string(containsString("value=\"简称测试\"")));
    }

    /**
     * Pages reached from lists that mix plans (the look-back desk, the closure desk, the inbox and the due list) name
     * their task as the public closure list does, 临沧2018·五(三)2, in the title, the breadcrumb and the heading.
     */
    @Test
    void a_look_back_a_closure_and_a_report_name_their_task_with_its_plans_short_name() throws Exception {
        for (String[] page : new String[][]{
                {"/closure/look-backs/", "select b.id, p.short_name || '·' || t.ref as label from look_back b join task t on t.id = b.task_id"},
                {"/closure/", "select c.id, p.short_name || '·' || t.ref as label from closure c join task t on t.id = c.task_id"},
                {"/progress/reports/", "select r.id, p.short_name || '·' || t.ref as label from progress_report r join task t on t.id = r.task_id"}}) {
            var row = jdbc.queryForMap(page[1] + " join plan p on p.id = t.plan_id where p.short_name is not null"
                    + " and p.owner_unit_id = (select id from unit where name = '临沧市') order by 1 limit 1");
            String label = (String) row.get("label");
            String html = mvc.perform(get(page[0] + row.get("id")).with(office())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as("%s%s", page[0], row.get("id")).contains("<title>", label + " ")
                    .containsPattern("<h1[^>]*>[^\\n]*" + java.util.regex.Pattern.quote(label));
            assertThat(html.substring(html.indexOf("<title>"), html.indexOf("</title>"))).contains(label);
        }
    }

    /**
     * What is read away from the task's page names the task with its plan as the closure and look-back pages do: the
     * closure application form, the case dossier (its index, task section and file name), the closure notice and the
     * task's record (.docx), and the briefing, which may cover several plans.
     */
    @Test
    void the_closure_form_the_dossier_the_task_documents_and_the_briefing_name_the_task_with_its_plan() throws Exception {
        String lincang = " join plan p on p.id = t.plan_id where p.short_name is not null"
                + " and p.owner_unit_id = (select id from unit where name = '临沧市')";
        var open = jdbc.queryForMap("select t.id, p.short_name || '·' || t.ref as label from task t" + lincang
                + " and t.status = 'IN_PROGRESS' order by t.id limit 1");
        String label = (String) open.get("label");
        mvc.perform(get("/tasks/{id}/closure/apply", open.get("id")).with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"apply-task-ref\">" + label + "<")))
                .andExpect(content().string(containsString(">" + label + "</a></li>"))); // the breadcrumb

        var zip = mvc.perform(get("/tasks/{id}/dossier.zip", open.get("id")).with(office())).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(java.net.URLDecoder.decode(zip.getHeader("Content-Disposition"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("一案一档-" + label + ".zip");
        String index = entry(zip.getContentAsByteArray(), "index.html");
        assertThat(index).contains("<title>" + label + " ").contains("<strong>" + label + " ").contains("<td>" + label + "</td>");

        byte[] record = mvc.perform(get("/audit/tasks/{id}/record.docx", open.get("id")).with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(docxText(record)).contains(label + " ");

        var closed = jdbc.queryForMap("select c.id, p.short_name || '·' || t.ref as label from closure c join task t on t.id = c.task_id"
                + lincang + " and c.closed_at is not null and c.number is not null order by c.id limit 1");
        byte[] notice = mvc.perform(get("/closure/{id}/notice.docx", closed.get("id")).with(office())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(docxText(notice)).contains((String) closed.get("label"));

        String red = jdbc.queryForObject("select p.short_name || '·' || t.ref from task_warning w join task t on t.id = w.task_id"
                + lincang + " and w.level = 'RED' order by t.id limit 1", String.class);
        mvc.perform(get("/insight/briefing").with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString(red)));
    }

    private static String entry(byte[] zip, String name) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the ZIP");
    }

    private static String docxText(byte[] docx) throws java.io.IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    @Test
    void a_name_too_long_or_with_the_separator_is_refused_and_a_county_office_cannot_name_the_citys_plan() throws Exception {
        long city = Demo.planId(plans);
        mvc.perform(post("/plans/{id}/short-name", city).param("shortName", "临沧·2018").with(office()).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/plans/{id}/short-name", city).param("shortName", "一二三四五六七八九十一二三四五六七").with(office()).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/plans/{id}/short-name", city).param("shortName", "改名").with(linxiangOffice()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(shortNames.of(city)).contains("临沧2018");
    }
}
