package org.rectify.notify;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox: who hears of what, once, in their own language; opening a message marks it read. */
@IntegrationTest
class InboxTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Inbox inbox;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Plans plans;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_unit_hears_of_each_task_given_to_it_in_its_own_language() throws Exception {
        mvc.perform(get("/inbox").with(as("epb-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("整改任务“临沧2018·三(四) 深化环保监管体制改革”已下达给你单位。")));
        mvc.perform(get("/inbox").param("lang", "en").with(as("epb-staff")))
                .andExpect(content().string(containsString("Task &quot;临沧2018·三(四) 深化环保监管体制改革&quot; has been assigned to your unit.")));
        mvc.perform(get("/api/inbox").with(as("epb-staff")))
                .andExpect(jsonPath("$[*].kind").value(hasItem("TASK_ASSIGNED")));
    }

    @Test
    void a_delivery_with_the_same_key_arrives_once() {
        long account = account("epb-head");
        int before = count(account);
        assertThat(inbox.deliver(List.of(account), "TEST", "once:1", "/tasks", "notify.noticeAnswered", "督〔2018〕1号")).isEqualTo(1);
        assertThat(inbox.deliver(List.of(account), "TEST", "once:1", "/tasks", "notify.noticeAnswered", "督〔2018〕1号")).isZero();
        assertThat(count(account)).isEqualTo(before + 1);
    }

    @Test
    void a_notice_reaches_the_lead_unit_and_its_answer_reaches_the_issuer() throws Exception {
        long task = demoTask("三(四)");
        String body = mvc.perform(post("/api/supervision/notices").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"请报送编制落实情况\", \"replyBy\": \"%s\"}"
                                .formatted(task, LocalDate.now().plusDays(5))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long notice = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(keys(account("epb-staff"))).contains("notice:" + notice));
        mvc.perform(post("/api/supervision/notices/{id}/reply", notice).with(as("epb-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reply\": \"已报送\"}")).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(keys(account("office"))).anyMatch(k -> k.startsWith("answered:" + notice + ":"))); // one per answer
        assertThat(keys(account("linxiang-staff"))).doesNotContain("notice:" + notice); // 三(四) is not theirs
    }

    @Test
    void opening_a_message_marks_it_read_and_leads_to_its_page_and_the_header_counts_what_is_unread() throws Exception {
        long account = account("epb-head");
        inbox.deliver(List.of(account), "TEST", "open:" + System.nanoTime(), "/supervision", "notify.noticeAnswered", "督〔2018〕9号");
        int unread = inbox.unread(account);
        long id = jdbc.queryForObject("select max(id) from inbox_message where account_id = ?", Long.class, account);
        mvc.perform(get("/tasks").with(as("epb-head")))
                .andExpect(content().string(containsString("id=\"unread-count\">" + unread + "<")));
        mvc.perform(post("/inbox/{id}/open", id).with(as("epb-head")).with(csrf())).andExpect(redirectedUrl("/supervision"));
        assertThat(inbox.unread(account)).isEqualTo(unread - 1);
    }

    @Test
    void nobody_can_mark_another_accounts_message_read() throws Exception {
        long account = account("epb-head");
        inbox.deliver(List.of(account), "TEST", "other:" + System.nanoTime(), "/tasks", "notify.noticeAnswered", "x");
        long id = jdbc.queryForObject("select max(id) from inbox_message where account_id = ?", Long.class, account);
        mvc.perform(post("/api/inbox/{id}/read", id).with(as("linxiang-staff"))).andExpect(status().isNotFound()); // as if it did not exist
        assertThat(jdbc.queryForObject("select read_at is null from inbox_message where id = ?", Boolean.class, id)).isTrue();
    }

    private long account(String username) {
        return jdbc.queryForObject("select id from account where username = ?", Long.class, username);
    }

    private int count(long account) {
        return jdbc.queryForObject("select count(*) from inbox_message where account_id = ?", Integer.class, account);
    }

    private List<String> keys(long account) {
        return jdbc.queryForList("select dedupe_key from inbox_message where account_id = ?", String.class, account);
    }

    private long demoTask(String ref) {
        return org.rectify.Demo.taskId(ledger, plans, ref);
    }
}
