package org.rectify.notify;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.ClientRequest;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.access.DataScope;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
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
@EnableScenarios
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
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_unit_hears_of_each_task_given_to_it_in_its_own_language(Scenario scenario) throws Exception {
        // a task of its own, assigned now: its message is unread and so on the inbox's first page, however many
        // messages other tests left the demo's units
        long task = TestTasks.inPlan(mvc, plans, units, "站内消息下达测试方案")
                .draft("站内消息下达测试任务", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now().plusMonths(2));
        scenario.stimulate(ClientRequest.sent(() -> {
                    TestTasks.command(mvc, task, "ASSIGN");
                    return task;
                }))
                .andWaitForStateChange(() -> keys(account("epb-staff")), keys -> keys.contains("assigned:" + task))
                .andVerify(keys -> assertThat(keys(account("linxiang-staff"))).doesNotContain("assigned:" + task));
        mvc.perform(get("/inbox").with(as("epb-staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("站内消息下达测试任务”已下达给你单位。")));
        mvc.perform(get("/inbox").param("lang", "en").with(as("epb-staff")))
                .andExpect(content().string(containsString("站内消息下达测试任务&quot; has been assigned to your unit.")));
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
    void a_notice_reaches_the_lead_unit_and_its_answer_reaches_the_issuer(Scenario scenario) throws Exception {
        // a task of its own: a notice on a demo task would change what other tests read of the demo
        long task = TestTasks.inPlan(mvc, plans, units, "站内消息督办单测试方案")
                .started("站内消息督办单测试任务", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now().plusMonths(2));
        scenario.stimulate(ClientRequest.sent(() -> issueNotice(task)))
                .andWaitForStateChange(() -> keys(account("epb-staff")), keys -> keys.contains("notice:" + noticeOn(task)))
                .andVerify(keys -> assertThat(keys).contains("notice:" + noticeOn(task)));
        long notice = noticeOn(task);
        scenario.stimulate(ClientRequest.sent(() -> reply(notice)))
                .andWaitForStateChange(() -> keys(account("office")),
                        keys -> keys.stream().anyMatch(k -> k.startsWith("answered:" + notice + ":"))) // one per answer
                .andVerify(keys -> assertThat(keys(account("linxiang-staff"))).doesNotContain("notice:" + notice)); // not theirs
    }

    private long issueNotice(long task) throws Exception {
        mvc.perform(post("/api/supervision/notices").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"请报送编制落实情况\", \"replyBy\": \"%s\"}"
                                .formatted(task, LocalDate.now().plusDays(5))))
                .andExpect(status().isCreated());
        return task;
    }

    private long reply(long notice) throws Exception {
        mvc.perform(post("/api/supervision/notices/{id}/reply", notice).with(as("epb-staff"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reply\": \"已报送\"}")).andExpect(status().isOk());
        return notice;
    }

    private long noticeOn(long task) {
        return jdbc.queryForObject("select id from supervision_notice where task_id = ?", Long.class, task);
    }

    @Test
    void opening_a_message_marks_it_read_and_leads_to_its_page_and_the_header_counts_what_is_unread() throws Exception {
        long account = account("epb-head");
        String key = "open:" + System.nanoTime();
        inbox.deliver(List.of(account), "TEST", key, "/supervision", "notify.noticeAnswered", "督〔2018〕9号");
        int unread = inbox.unread(account);
        // by its key: other tests' hand-overs may deliver to the same account meanwhile
        long id = jdbc.queryForObject("select id from inbox_message where account_id = ? and dedupe_key = ?", Long.class,
                account, key);
        mvc.perform(get("/tasks").with(as("epb-head")))
                .andExpect(content().string(containsString("id=\"unread-count\">" + unread + "<")));
        mvc.perform(post("/inbox/{id}/open", id).with(as("epb-head")).with(csrf())).andExpect(redirectedUrl("/supervision"));
        assertThat(inbox.unread(account)).isEqualTo(unread - 1);
    }

    @Test
    void a_message_opened_behind_more_than_a_page_of_unread_ones_still_leads_to_its_page() throws Exception {
        long account = account("supervisor");
        String key = "behind:" + System.nanoTime();
        inbox.deliver(List.of(account), "TEST", key, "/supervision/notices", "notify.noticeAnswered", "督〔2018〕10号");
        long id = jdbc.queryForObject("select id from inbox_message where account_id = ? and dedupe_key = ?", Long.class,
                account, key);
        for (int i = 0; i < Inbox.PAGE; i++) { // newer and unread: the first page of the inbox is theirs
            inbox.deliver(List.of(account), "TEST", key + ":" + i, "/inbox", "notify.noticeAnswered", "x");
        }
        try {
            mvc.perform(post("/inbox/{id}/open", id).with(as("supervisor")).with(csrf()))
                    .andExpect(redirectedUrl("/supervision/notices"));
        } finally {
            inbox.markAllRead(account);
        }
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
