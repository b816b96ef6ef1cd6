package org.rectify.audit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.access.Accounts;
import org.rectify.access.NewAccount;
import org.rectify.access.Role;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Commands that published nothing before now leave an entry naming who did what, to which object. */
@IntegrationTest
class AuditCoverageTests {

    private static final String OFFICE = "演示·市督察整改办（临沧市）";

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    AuditLog log;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    Accounts accounts;

    @Test
    void changing_a_plans_warning_settings_is_recorded_with_the_signed_in_office() throws Exception {
        long planId = TestTasks.inPlan(mvc, plans, units, "审计覆盖测试方案").planId();
        mvc.perform(put("/api/supervision/settings/{id}", planId).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"blueDays\": 9, \"reportGraceDays\": 4}")).andExpect(status().isOk());

        AuditEntry e = last("plan:" + planId, "supervision.settings-changed");
        assertThat(e.actor()).isEqualTo(OFFICE);
        assertThat(e.change()).contains("\"blueDays\":9").contains("\"reportGraceDays\":4");
    }

    @Test
    void a_circular_drafted_edited_and_deleted_leaves_three_entries() throws Exception {
        String body = mvc.perform(post("/api/supervision/circulars").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        int version = JsonPath.read(body, "$.version");
        mvc.perform(put("/api/supervision/circulars/{id}", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"审计测试通报\", \"addressees\": \"各县区\", \"body\": \"正文\", \"issuerUnit\": \"市整改办\", \"version\": %d}"
                        .formatted(version))).andExpect(status().isOk());
        mvc.perform(delete("/api/supervision/circulars/{id}", id).with(office())).andExpect(status().is2xxSuccessful());

        List<AuditEntry> entries = log.of("circular:" + id);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("circular.drafted", "circular.edited", "circular.deleted");
        assertThat(entries).extracting(AuditEntry::actor).containsOnly(OFFICE);
        assertThat(entries.get(1).change()).contains("审计测试通报");
    }

    @Test
    void a_unit_created_with_an_alias_is_recorded_with_the_administrator() throws Exception {
        String body = mvc.perform(post("/api/admin/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"审计测试局\", \"level\": \"CITY\", \"type\": \"DEPARTMENT\", \"aliases\": [\"审计测试局别名\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        List<AuditEntry> entries = log.of("unit:" + id);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("unit.created", "unit.alias-added");
        assertThat(entries.get(0).actor()).isNotEqualTo("system").endsWith("（临沧市）");
        assertThat(entries.get(1).change()).contains("审计测试局别名");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_accounts_email_address_set_and_removed_is_recorded_with_the_administrator_and_an_unchanged_one_is_not() throws Exception {
        long id = accounts.create(new NewAccount("audit-mail", "letter-box-pass-1", "审计邮箱",
                units.resolve("临沧市").orElseThrow().id(), Role.UNIT_STAFF));
        for (String email : List.of("mail@example.gov.cn", "mail@example.gov.cn", "")) {
            mvc.perform(put("/api/admin/accounts/{id}/email", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(email))).andExpect(status().isOk());
        }

        List<AuditEntry> entries = log.of("account:" + id);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("account.created", "account.email-set", "account.email-set");
        assertThat(entries.get(1).actor()).isNotEqualTo("system").endsWith("（临沧市）");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_draft_plan_made_and_deleted_by_the_office_leaves_two_entries() throws Exception {
        String body = mvc.perform(post("/api/intake/drafts").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"审计草稿整改方案\\n一、问题\\n1.整治审计草稿问题。（牵头单位：临沧市）\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(delete("/api/intake/drafts/{id}", id).with(office())).andExpect(status().is2xxSuccessful());

        List<AuditEntry> entries = log.of("plan-draft:" + id);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("intake.draft-created", "intake.draft-deleted");
        assertThat(entries).extracting(AuditEntry::actor).containsOnly(OFFICE);
    }

    private AuditEntry last(String object, String action) {
        return log.of(object).stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b).orElseThrow();
    }
}
