package org.rectify.audit;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;


import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators read and verify the chain; every other role is refused; anyone signed in reads the anchors. */
@IntegrationTest
class AuditAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditAnchors anchors;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    /** Published outside any transaction: each gets a transaction of its own. */
    @org.junit.jupiter.api.BeforeEach
    void some_entries() {
        for (int i = 0; i < 5; i++) {
            events.publishEvent(new AuditChainTests.Probe("访问测试", "probe.access", "probe:access", "entry " + i));
        }
    }

    @Test
    void an_administrator_lists_the_entries_and_verifies_the_chain() throws Exception {
        mvc.perform(get("/api/audit").param("size", "5").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(5))
                .andExpect(jsonPath("$.entries[0].hash").isString());
        mvc.perform(get("/api/audit/verify").with(admin()).header("Accept-Language", "en").param("lang", "en")).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.message").value(startsWith("The audit chain is intact")));
    }

    @Test
    void every_other_role_is_refused_the_entries_and_the_verification() throws Exception {
        for (var who : new org.springframework.test.web.servlet.request.RequestPostProcessor[]{office(), epbStaff(),
                as("supervisor"), as("leader"), as("linxiang-office"), as("linxiang-staff")}) {
            mvc.perform(get("/api/audit").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/audit/verify").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/audit").with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
    }

    @Test
    void the_anchors_are_published_as_json_and_csv_to_anyone_signed_in() throws Exception {
        AuditAnchor a = anchors.anchor(java.time.LocalDate.of(2999, 1, 1));
        mvc.perform(get("/api/audit/anchors").with(epbStaff())).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.day == '2999-01-01')].hash").value(a.hash()));
        mvc.perform(get("/api/audit/anchors.csv").with(office())).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("2999-01-01," + a.seq() + "," + a.hash())));
    }

    @Test
    void anyone_without_signing_in_reads_the_anchors_on_a_public_page_and_as_csv_in_chinese_and_english() throws Exception {
        AuditAnchor a = anchors.anchor(java.time.LocalDate.of(2999, 3, 1));
        mvc.perform(get("/public/audit-anchors")).andExpect(status().isOk())
                .andExpect(content().string(containsString("审计链每日锚点")))
                .andExpect(content().string(containsString("2999-03-01")))
                .andExpect(content().string(containsString(a.hash())));
        mvc.perform(get("/public/audit-anchors").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Daily anchors of the audit chain")));
        mvc.perform(get("/public/audit-anchors.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("2999-03-01," + a.seq() + "," + a.hash())));
        mvc.perform(get("/public/closures")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/public/audit-anchors")));
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized()); // the entries stay private
    }

    @Test
    void the_daily_anchor_is_a_scheduled_job_and_anchoring_a_day_twice_keeps_the_first(
            @Autowired javax.sql.DataSource dataSource) {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'anchor-audit-chain'",
                Integer.class)).isEqualTo(1);
        AuditAnchor first = anchors.anchor(java.time.LocalDate.of(2999, 2, 1));
        some_entries();
        AuditAnchor again = anchors.anchor(java.time.LocalDate.of(2999, 2, 1));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void the_audit_page_shows_the_latest_entries_and_verifies_on_request() throws Exception {
        mvc.perform(get("/admin/audit").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("审计日志")))
                .andExpect(content().string(containsString("probe.access")))
                .andExpect(content().string(containsString("/admin/audit/verify")));
        mvc.perform(get("/admin/audit/verify").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("审计链完整")))
                .andExpect(content().string(containsString("data-intact=\"true\"")));
    }

    @Test
    void the_audit_page_names_the_platforms_scheduled_work_in_the_readers_words() throws Exception {
        events.publishEvent(new AuditChainTests.Probe("system", "probe.scheduled", "probe:scheduled", "nightly"));
        mvc.perform(get("/admin/audit").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("系统（自动）")));
        mvc.perform(get("/admin/audit").param("lang", "en").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("System (automatic)")));
    }

    /** An administrator reads what was done (发送催办), with the code the API and the verifier use beside it. */
    @Test
    void the_audit_page_says_each_action_in_words_beside_its_code_and_an_action_without_words_by_its_code() throws Exception {
        events.publishEvent(new AuditChainTests.Probe("system", "reminder.due", "reminder:probe", "due"));
        events.publishEvent(new AuditChainTests.Probe("probe", "probe.wordless", "probe:wordless", "none"));
        String zh = mvc.perform(get("/admin/audit").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("<span class=\"audit-action me-1\">发送催办</span><code class=\"small\">reminder.due</code>")
                .contains("<code class=\"small\">probe.wordless</code>").doesNotContain("??timeline.action");
        assertThat(mvc.perform(get("/admin/audit").param("lang", "en").with(admin())).andReturn().getResponse().getContentAsString())
                .contains("<span class=\"audit-action me-1\">Reminder sent</span><code class=\"small\">reminder.due</code>");
    }
}
