package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The task pages as the office uses them: the form, its messages, and the lifecycle buttons. */
@IntegrationTest
class TaskPagesTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Plans plans;
    @Autowired
    Units units;

    @Test
    void the_office_creates_a_task_through_the_form_and_lands_on_its_page() throws Exception {
        String ref = "P" + SEQ.incrementAndGet();
        MvcResult result = mvc.perform(form(post("/tasks"), ref, "建立巡查制度", "每月巡查一次")
                        .param("milestones[0].dueOn", "2018-06-30").param("milestones[0].deliverable", "制度印发")
                        .param("indicators[0].name", "巡查覆盖率").param("indicators[0].comparator", "AT_LEAST")
                        .param("indicators[0].targetValue", "95").param("indicators[0].unitOfMeasure", "%"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(office()))
                .andExpect(content().string(containsString("建立巡查制度")))
                .andExpect(content().string(containsString("制度印发")))
                .andExpect(content().string(containsString("巡查覆盖率")))
                .andExpect(content().string(containsString("草稿")));
    }

    /**
     * 原文 is the plan's own words for a milestone; an office's milestone has none, so no empty column is shown. On a
     * phone the words stand under the deliverable (a third column there was two characters wide).
     */
    @Test
    void a_milestone_shows_the_plans_own_words_only_where_it_came_from_them() throws Exception {
        String office = mvc.perform(form(post("/tasks"), "P" + SEQ.incrementAndGet(), "建立台账", "每季度更新")
                        .param("milestones[0].dueOn", "2018-09-30").param("milestones[0].deliverable", "台账建成"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(office).with(office()))
                .andExpect(content().string(containsString("台账建成")))
                .andExpect(content().string(not(containsString(">原文</th>"))));
        long fromThePlan = Demo.taskId(ledger, plans, "四(二)3"); // 2017年底前…；到2030年…
        mvc.perform(get("/tasks/" + fromThePlan).with(office()))
                .andExpect(content().string(containsString(">原文</th>")))
                .andExpect(content().string(containsString("原文：2017年底前"))) // under the deliverable on a phone
                .andExpect(content().string(containsString("2017年底前")));
    }

    /** A 长期坚持 task has no end date by design: its page says so rather than 未定 (a gap in the record). */
    @Test
    void an_ongoing_task_without_a_date_reads_as_ongoing_where_a_task_without_one_reads_not_set() throws Exception {
        String ongoing = mvc.perform(form(post("/tasks"), "P" + SEQ.incrementAndGet(), "长期坚持的任务", "持续巡查").param("ongoing", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String open = mvc.perform(form(post("/tasks"), "P" + SEQ.incrementAndGet(), "未定时限的任务", "尽快整改"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(ongoing).with(office())).andExpect(content().string(containsString("<dd id=\"task-deadline\">长期坚持</dd>")));
        mvc.perform(get(ongoing).param("lang", "en").with(office()))
                .andExpect(content().string(containsString("<dd id=\"task-deadline\">Ongoing, no end date</dd>")));
        mvc.perform(get(open).with(office())).andExpect(content().string(containsString("<dd id=\"task-deadline\">未定</dd>")));
    }

    @Test
    void a_form_with_a_missing_text_and_a_non_number_comes_back_with_messages_at_the_fields() throws Exception {
        mvc.perform(form(post("/tasks"), "P" + SEQ.incrementAndGet(), "标题", "")
                        .param("indicators[0].name", "绿地率").param("indicators[0].targetValue", "三十六"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入数字。")));
        mvc.perform(form(post("/tasks"), "P" + SEQ.incrementAndGet(), "标题", ""))
                .andExpect(content().string(containsString("请填写任务内容。")))
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void a_form_sent_back_names_its_chosen_units_for_a_browser_without_script() throws Exception {
        mvc.perform(form(post("/tasks"), "P" + SEQ.incrementAndGet(), "标题", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"badge text-bg-light border me-1\">市环境保护局</span>")));
    }

    @Test
    void a_stale_edit_keeps_the_users_input_and_changes_nothing() throws Exception {
        String ref = "P" + SEQ.incrementAndGet();
        String location = mvc.perform(form(post("/tasks"), ref, "原标题", "内容"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(form(post("/tasks/{id}", id), ref, "甲改的标题", "内容").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(post("/tasks/{id}", id), ref, "乙改的标题", "内容").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("保存未成功")))
                .andExpect(content().string(containsString("乙改的标题")));
        assertThat(ledger.get(id, DataScope.ALL).title()).isEqualTo("甲改的标题");
    }

    @Test
    void an_edit_of_the_responsible_person_keeps_the_indicators_as_written_and_logs_only_that_change() throws Exception {
        String ref = "P" + SEQ.incrementAndGet();
        String location = mvc.perform(form(post("/tasks"), ref, "标题", "内容").param("responsibleName", "张三")
                        .param("indicators[0].name", "绿地率").param("indicators[0].comparator", "AT_LEAST")
                        .param("indicators[0].targetValue", "36").param("indicators[0].unitOfMeasure", "%")
                        .param("indicators[0].baseline", "30").param("indicators[0].phrase", "绿地率达到36%以上"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // the edit form sends back what it was given: the phrase and baseline travel as hidden fields
        mvc.perform(get("/tasks/{id}/edit", id).with(office()))
                .andExpect(content().string(containsString("name=\"indicators[0].phrase\" value=\"绿地率达到36%以上\"")))
                .andExpect(content().string(containsString("name=\"indicators[0].baseline\" value=\"30\"")));
        mvc.perform(form(post("/tasks/{id}", id), ref, "标题", "内容").param("version", "0").param("responsibleName", "李四")
                        .param("indicators[0].name", "绿地率").param("indicators[0].comparator", "AT_LEAST")
                        .param("indicators[0].targetValue", "36").param("indicators[0].unitOfMeasure", "%")
                        .param("indicators[0].baseline", "30").param("indicators[0].phrase", "绿地率达到36%以上"))
                .andExpect(status().is3xxRedirection());
        TaskDetail task = ledger.get(id, DataScope.ALL);
        assertThat(task.indicators().get(0).phrase()).isEqualTo("绿地率达到36%以上");
        assertThat(task.history()).filteredOn(h -> "EDITED".equals(h.action()))
                .extracting(TaskHistoryEntry::changes).containsExactly("responsible");
    }

    @Test
    void a_refused_button_says_why_on_the_task_page() throws Exception {
        String location = mvc.perform(form(post("/tasks"), "P" + SEQ.incrementAndGet(), "标题", "内容"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/transitions").param("command", "START").with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "任务当前状态为“草稿”，不能执行“开始整改”。"));
    }

    @Test
    void unit_staff_see_only_the_buttons_they_may_press() throws Exception {
        long id = org.rectify.Demo.taskId(ledger, plans, "三(三)"); // led by 市环境保护局, in progress in the demo
        mvc.perform(get("/tasks/{id}", id).with(as("epb-staff")))
                // closure is the closure panel's (its form), never a button of the generic route
                .andExpect(content().string(not(containsString("data-command=\"REQUEST_CLOSURE\""))))
                .andExpect(content().string(not(containsString("data-command=\"CLOSE\""))))
                .andExpect(content().string(not(containsString("/edit"))));
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String ref, String title, String text) {
        return request.with(office()).with(csrf())
                .param("planId", String.valueOf(testPlan()))
                .param("ref", ref).param("title", title).param("text", text)
                .param("leadUnitIds", String.valueOf(units.resolve("市环境保护局").orElseThrow().id()));
    }

    private long testPlan() {
        return plans.findByTitle("页面测试方案")
                .orElseGet(() -> plans.createPlan(null, "页面测试方案", "测试", null, units.resolve("临沧市").orElseThrow().id()));
    }
}
