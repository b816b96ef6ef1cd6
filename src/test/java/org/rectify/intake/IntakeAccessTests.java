package org.rectify.intake;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.rectify.intake.IntakeSupport.paste;
import static org.rectify.intake.IntakeSupport.seed;
import static org.rectify.intake.IntakeSupport.smallPlan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who takes plans in (the office and administrators), whose drafts they see, and whose tasks an export holds. */
@IntegrationTest
class IntakeAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Units units;

    @Test
    void unit_staff_supervisors_and_leaders_are_refused_the_intake_pages_and_api_with_403() throws Exception {
        long draft = paste(mvc, smallPlan("权限甲整改方案", "市财政局"), "权限甲整改方案");
        for (var who : List.of(epbStaff(), linxiangStaff(), as("supervisor"), as("leader"))) {
            mvc.perform(get("/intake").with(who))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("只有领导小组办公室和系统管理员可以导入和发布整改方案。")));
            mvc.perform(get("/intake/drafts/{id}", draft).with(who)).andExpect(status().isForbidden());
            mvc.perform(multipart("/intake").param("text", seed()).with(who).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/intake/drafts/{id}/publish", draft).param("assign", "true").with(who).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/intake/plan-text").with(who).contentType(MediaType.TEXT_PLAIN).content(seed()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value("只有领导小组办公室和系统管理员可以导入和发布整改方案。"));
            mvc.perform(get("/api/intake/drafts/{id}", draft).with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/api/intake/drafts/{id}/publish", draft).with(who)).andExpect(status().isForbidden());
        }
        assertThat(plans.findByTitle("权限甲整改方案")).isEmpty();
    }

    @Test
    void administrators_take_plans_in_too() throws Exception {
        mvc.perform(get("/intake").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("粘贴方案全文")));
        mvc.perform(post("/api/intake/plan-text").with(as("admin")).contentType(MediaType.TEXT_PLAIN)
                        .content(seed().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
    }

    @Test
    void a_county_office_does_not_see_the_city_offices_drafts() throws Exception {
        long cityDraft = paste(mvc, smallPlan("权限乙整改方案", "市财政局"), "权限乙整改方案");
        mvc.perform(get("/intake/drafts/{id}", cityDraft).with(as("linxiang-office"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/intake/drafts/{id}", cityDraft).with(as("linxiang-office"))).andExpect(status().isNotFound());
        long countyDraft = paste(mvc, smallPlan("权限乙二整改方案", "临翔区政府"), "权限乙二整改方案", as("linxiang-office"));
        mvc.perform(get("/api/intake/drafts/{id}", countyDraft).with(office())).andExpect(status().isOk());
    }

    @Test
    void a_county_office_cannot_publish_into_a_plan_the_city_runs() throws Exception {
        long draft = paste(mvc, smallPlan(IntakeSupport.LINCANG, "临翔区政府"), IntakeSupport.LINCANG, as("linxiang-office"));
        mvc.perform(post("/api/intake/drafts/{id}/publish", draft).with(as("linxiang-office")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("由其他单位管理")));
        long planId = plans.findByTitle(IntakeSupport.LINCANG).orElseThrow();
        assertThat(ledger.find(LedgerFilter.ofPlan(planId, 50), DataScope.ALL).total()).isEqualTo(22);
    }

    @Test
    void the_export_of_unit_staff_holds_only_the_tasks_of_their_unit() throws Exception {
        long planId = plans.findByTitle(IntakeSupport.LINCANG).orElseThrow();
        byte[] xlsx = mvc.perform(get("/plans/{id}/breakdown.xlsx", planId).with(epbStaff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> exported = refs(xlsx);

        String epbPath = units.get(units.resolve("市环境保护局").orElseThrow().id()).path();
        List<String> theirs = ledger.find(LedgerFilter.ofPlan(planId, 200), DataScope.ofUnit(epbPath)).tasks().stream()
                .map(TaskSummary::ref).toList();
        assertThat(exported).isNotEmpty().containsExactlyElementsOf(theirs).contains("三(三)", "五(四)")
                .doesNotContain("二(一)", "四(一)");

        byte[] all = mvc.perform(get("/api/plans/{id}/breakdown.xlsx", planId).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(refs(all)).hasSize(22);
        mvc.perform(get("/plans/{id}/breakdown.xlsx", 999_999).with(office())).andExpect(status().isNotFound());
    }

    private static List<String> refs(byte[] xlsx) throws Exception {
        List<String> refs = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (Row r : sheet) {
                if (r.getRowNum() > 1) {
                    refs.add(r.getCell(0).getStringCellValue());
                }
            }
        }
        return refs;
    }
}
