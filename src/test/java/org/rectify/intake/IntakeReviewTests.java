package org.rectify.intake;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.office;
import static org.rectify.intake.IntakeSupport.draft;
import static org.rectify.intake.IntakeSupport.paste;
import static org.rectify.intake.IntakeSupport.read;
import static org.rectify.intake.IntakeSupport.seed;
import static org.rectify.intake.IntakeSupport.smallPlan;
import static org.rectify.intake.IntakeSupport.taskId;
import static org.rectify.intake.IntakeSupport.taskVersion;
import static org.rectify.intake.IntakeSupport.upload;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The office takes a plan in on screen: paste, review beside the source, resolve units, publish. */
@IntegrationTest
class IntakeReviewTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Units units;

    @Test
    void pasting_the_lincang_plan_gives_a_draft_of_22_tasks_with_every_unit_recognised() throws Exception {
        long id = paste(mvc, seed(), "");
        String json = draft(mvc, id);
        assertThat((Integer) read(json, "$.tasks.length()")).isEqualTo(22);
        assertThat((List<?>) read(json, "$.unresolved")).isEmpty();
        assertThat((String) read(json, "$.title")).isEqualTo(IntakeSupport.LINCANG);
        assertThat((List<String>) read(json, "$.tasks[*].ref")).startsWith("二(一)", "二(二)", "二(三)1").endsWith("七");

        mvc.perform(get("/intake/drafts/{id}", id).with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"count-tasks\">22<")))
                .andExpect(content().string(containsString("id=\"count-unresolved\">0<")))
                .andExpect(content().string(containsString("强化决策部署")))
                .andExpect(content().string(containsString("src-task")))
                // the plan already exists (the demo): publishing would add only what it lacks
                .andExpect(content().string(containsString("已有同名方案（22 项任务）")))
                .andExpect(content().string(containsString("id=\"publish-assign\">")));
    }

    @Test
    void each_task_is_highlighted_in_the_source_where_the_plan_says_it() throws Exception {
        String text = seed();
        long id = paste(mvc, text, "");
        String page = mvc.perform(get("/intake/drafts/{id}", id).with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long card = taskId(draft(mvc, id), "四(一)");
        int at = page.indexOf("id=\"src-" + card + "\"");
        assertThat(at).isPositive();
        String mark = page.substring(at, page.indexOf("</mark>", at));
        assertThat(mark).contains("四(一)").contains("开展全民绿化、全面绿化").contains("绿地率达到36%以上")
                .doesNotContain("（二）坚持城乡环境治理并重");
        assertThat(page).contains("id=\"card-" + card + "\"");
    }

    @Test
    void a_unit_the_tree_does_not_know_is_listed_and_publishing_waits_until_it_is_resolved() throws Exception {
        String title = "审核甲整改方案";
        long id = paste(mvc, smallPlan(title, "市审核甲专项办公室"), title);
        String json = draft(mvc, id);
        assertThat((List<String>) read(json, "$.unresolved[*].mention")).containsExactly("市审核甲专项办公室");
        assertThat((List<String>) read(json, "$.unresolved[*].ref")).containsExactly("一(一)");

        mvc.perform(get("/intake/drafts/{id}", id).with(office()))
                .andExpect(content().string(containsString("id=\"count-unresolved\">1<")))
                .andExpect(content().string(containsString("未识别的单位（1）")))
                .andExpect(content().string(containsString("还有 1 处单位未识别，全部处理后才能发布。")))
                .andExpect(content().string(containsString("id=\"publish-assign\" disabled")));

        mvc.perform(post("/intake/drafts/{id}/publish", id).param("assign", "true").with(office()).with(csrf()))
                .andExpect(redirectedUrl("/intake/drafts/" + id))
                .andExpect(flash().attribute("flashError", containsString("一(一)：市审核甲专项办公室")));
        assertThat(plans.findByTitle(title)).isEmpty();
    }

    @Test
    void choosing_a_unit_resolves_every_mention_of_that_name_in_the_draft() throws Exception {
        String title = "审核乙整改方案";
        String text = smallPlan(title, "市审核乙办公室").replace("（责任单位：市环境保护局）", "（责任单位：市审核乙办公室）");
        long id = paste(mvc, text, title);
        assertThat((List<?>) read(draft(mvc, id), "$.unresolved")).hasSize(2);

        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "市审核乙办公室")
                        .param("target", "市环境保护局").param("mode", "choose").with(office()).with(csrf()))
                .andExpect(redirectedUrl("/intake/drafts/" + id + "#unresolved"))
                .andExpect(flash().attribute("flash", "“市审核乙办公室”已识别为“市环境保护局”（2 处）。"));

        String json = draft(mvc, id);
        assertThat((List<?>) read(json, "$.unresolved")).isEmpty();
        long epb = unitId("市环境保护局");
        assertThat((List<Number>) read(json, "$.tasks[0].leadUnits[*].unitId")).containsExactly((int) epb);
        // the plan's words stay; the chosen unit and the rule go beside them
        assertThat((List<String>) read(json, "$.tasks[1].leadUnits[*].name")).containsExactly("市审核乙办公室");
        assertThat((List<String>) read(json, "$.tasks[1].leadUnits[*].unitName")).containsExactly("市环境保护局");
        assertThat((List<String>) read(json, "$.tasks[1].leadUnits[*].rule")).containsExactly("CHOSEN");
        // a choice is for this draft only: the tree has not learnt the name
        assertThat(units.resolve("市审核乙办公室")).isEmpty();
    }

    @Test
    void a_reviewer_picks_a_unit_or_a_group_in_the_unit_picker_and_the_choice_is_saved() throws Exception {
        String title = "审核丁整改方案";
        String text = smallPlan(title, "市审核丁办公室").replace("（责任单位：市环境保护局）", "（责任单位：市审核丁小组）");
        long id = paste(mvc, text, title);
        String page = mvc.perform(get("/intake/drafts/{id}", id).with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long epb = unitId("市环境保护局");
        long group = units.resolve("各县区党委").orElseThrow().id();
        // the picker's selects: the units with their aliases, the groups with their members; no datalist of names
        assertThat(page).contains("name=\"targetUnitId\"", "data-unit-picker-groups=\"target-group-",
                        "<option value=\"" + group + "\" data-members=")
                .containsPattern("<option value=\"" + epb + "\" data-path=\"[^\"]+\" data-aliases=\"[^\"]*市环保局")
                .doesNotContain("<datalist");

        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "市审核丁办公室")
                        .param("targetUnitId", "" + epb).param("targetGroupId", "").param("mode", "choose")
                        .with(office()).with(csrf()))
                .andExpect(redirectedUrl("/intake/drafts/" + id + "#unresolved"))
                .andExpect(flash().attribute("flash", "“市审核丁办公室”已识别为“市环境保护局”（1 处）。"));
        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "市审核丁小组")
                        .param("targetUnitId", "").param("targetGroupId", "" + group).param("mode", "choose")
                        .with(office()).with(csrf()))
                .andExpect(flash().attribute("flash", containsString(units.group(group).name())));

        String json = draft(mvc, id);
        assertThat((List<?>) read(json, "$.unresolved")).isEmpty();
        assertThat((List<Number>) read(json, "$.tasks[0].leadUnits[*].unitId")).containsExactly((int) epb);
        assertThat((List<String>) read(json, "$.tasks[1].leadUnits[*].unitName")).containsExactly(units.group(group).name());
        assertThat((List<String>) read(json, "$.tasks[0].leadUnits[*].rule")).containsExactly("CHOSEN");
    }

    @Test
    void a_picker_choice_of_nothing_or_of_an_unknown_unit_is_refused_in_the_users_words() throws Exception {
        String title = "审核戊整改方案";
        long id = paste(mvc, smallPlan(title, "市审核戊办公室"), title);
        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "市审核戊办公室")
                        .param("targetUnitId", "").param("targetGroupId", "").param("mode", "choose")
                        .with(office()).with(csrf()))
                .andExpect(flash().attribute("flashError", "请选择单位或单位组。"));
        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "市审核戊办公室")
                        .param("targetUnitId", "987654321").param("mode", "alias").with(office()).with(csrf()))
                .andExpect(flash().attribute("flashError", "所选的单位或单位组已不在单位树中，请重新选择。"));
        assertThat((List<?>) read(draft(mvc, id), "$.unresolved")).hasSize(1);
    }

    @Test
    void a_unit_chosen_for_a_name_stays_chosen_when_its_card_is_saved_again_with_the_same_words() throws Exception {
        String title = "审核乙二整改方案";
        long id = paste(mvc, smallPlan(title, "市审核乙二办公室"), title);
        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "市审核乙二办公室")
                .param("target", "市环境保护局").param("mode", "choose").with(office()).with(csrf()));
        String json = draft(mvc, id);
        long card = taskId(json, "一(一)");

        mvc.perform(saveCard(id, card, taskVersion(json, "一(一)"), "建立问题台账（核对）", "市审核乙二办公室", "2019-06-30"))
                .andExpect(status().isOk());

        String after = draft(mvc, id);
        assertThat((List<?>) read(after, "$.unresolved")).isEmpty();
        assertThat((List<String>) read(after, "$.tasks[0].leadUnits[*].unitName")).containsExactly("市环境保护局");
        assertThat((List<String>) read(after, "$.tasks[0].leadUnits[*].rule")).containsExactly("CHOSEN");
    }

    @Test
    void a_card_shows_the_unit_as_the_plan_writes_it_with_the_unit_it_resolved_to_and_the_rule() throws Exception {
        String title = "审核和字整改方案";
        long id = paste(mvc, smallPlan(title, "市工业信息化委"), title);
        assertThat((List<?>) read(draft(mvc, id), "$.unresolved")).isEmpty();
        String page = mvc.perform(get("/intake/drafts/{id}", id).with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(">市工业信息化委<", "→ 市工业和信息化委", "略去或补上“和”“与”");
    }

    @Test
    void a_docx_whose_task_list_is_two_tables_gives_one_card_per_row_and_shows_each_rows_cells_as_its_source() throws Exception {
        String title = "表格丙整改方案";
        long id = upload(mvc, "表格丙.docx", IntakeSupport.docx(title,
                new String[][] {
                    {"序号", "反馈问题", "整改措施", "责任领导", "责任单位", "整改时限"},
                    {"1", "城镇污水处理设施不完善", "完成污水处理厂提标改造。\n同步建设配套管网。", "副市长", "市环境保护局", "2018年底前"}},
                new String[][] {
                    {"2", "", "开展入河排污口排查。", "副市长", "市住房城乡建设局、市环境保护局", "2019年6月底前"}}), "");
        String json = draft(mvc, id);
        assertThat((String) read(json, "$.title")).isEqualTo(title);
        assertThat((List<String>) read(json, "$.tasks[*].ref")).containsExactly("一1", "一2");
        assertThat((List<String>) read(json, "$.tasks[*].responsible")).containsExactly("副市长", "副市长");
        assertThat((List<String>) read(json, "$.tasks[1].leadUnits[*].name")).containsExactly("市住房城乡建设局", "市环境保护局");
        assertThat((List<String>) read(json, "$.tasks[*].deadlines[0].date")).containsExactly("2018-12-31", "2019-06-30");
        assertThat((List<?>) read(json, "$.unresolved")).isEmpty();

        String page = mvc.perform(get("/intake/drafts/{id}", id).with(office())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long first = taskId(json, "一1");
        int at = page.indexOf("id=\"src-" + first + "\"");
        assertThat(at).isPositive();
        assertThat(page.substring(at, page.indexOf("</mark>", at)))
                .contains("完成污水处理厂提标改造。\n同步建设配套管网。", "责任领导：副市长", "责任单位：市环境保护局", "整改时限：2018年底前")
                .doesNotContain("开展入河排污口排查");
        assertThat(page).contains("id=\"count-tasks\">2<", "一、城镇污水处理设施不完善");
    }

    @Test
    void the_headers_feedback_date_dates_a_relative_deadline_and_flags_it() throws Exception {
        String title = "审核反馈字整改方案";
        String text = smallPlan(title, "市环境保护局").replace("2018年底前完成全部问题台账建设", "反馈后3个月内完成全部问题台账建设");
        MvcResult r = mvc.perform(multipart("/intake").param("text", text).param("planTitle", title)
                        .param("feedbackDate", "2018-01-10").with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String json = draft(mvc, IntakeSupport.idFrom(r.getResponse().getRedirectedUrl()));
        assertThat((List<String>) read(json, "$.tasks[0].deadlines[*].date")).containsExactly("2018-04-10");
        assertThat((List<Boolean>) read(json, "$.tasks[0].deadlines[*].ambiguous")).containsExactly(true);
        assertThat((List<String>) read(json, "$.tasks[0].warnings[*]")).anySatisfy(w -> assertThat(w).contains("2018-01-10"));
        // the review screen says so in the reader's language
        String page = mvc.perform(get(r.getResponse().getRedirectedUrl()).with(office()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“反馈后3个月内”按督察反馈日期 2018-01-10 推算，时限为 2018-04-10，请核对。")
                .doesNotContain("please check");
    }

    @Test
    void a_deadline_without_a_year_in_a_plan_without_dates_is_flagged_in_the_readers_language() throws Exception {
        String title = "审核无年整改方案";
        String text = smallPlan(title, "市环境保护局").replace("2018年底前完成全部问题台账建设", "年底前完成全部问题台账建设");
        MvcResult r = mvc.perform(multipart("/intake").param("text", text).param("planTitle", title)
                        .with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(get(r.getResponse().getRedirectedUrl()).with(office()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“年底前”没有写明年份，方案中也没有日期可作参照，请手工填写时限。")
                .doesNotContain("has no year");
    }

    @Test
    void an_alias_resolves_the_mention_now_and_in_every_plan_parsed_after() throws Exception {
        String title = "审核丙整改方案";
        long id = paste(mvc, smallPlan(title, "市环保督察整改专班"), title);
        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "市环保督察整改专班")
                        .param("target", "市环境保护局").param("mode", "alias").with(office()).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("已把“市环保督察整改专班”记为“市环境保护局”的别名")));
        assertThat((List<?>) read(draft(mvc, id), "$.unresolved")).isEmpty();
        assertThat(units.resolve("市环保督察整改专班")).get().extracting(UnitReference::name).isEqualTo("市环境保护局");

        long second = paste(mvc, smallPlan("审核丙二整改方案", "市环保督察整改专班"), "审核丙二整改方案");
        String json = draft(mvc, second);
        assertThat((List<?>) read(json, "$.unresolved")).isEmpty();
        assertThat((List<Number>) read(json, "$.tasks[0].leadUnits[*].unitId"))
                .containsExactly((int) unitId("市环境保护局"));
        mvc.perform(get("/intake/drafts/{id}", second).with(office()))
                .andExpect(content().string(containsString("→ 市环境保护局")));
    }

    @Test
    void an_alias_cannot_be_given_to_a_unit_group_and_the_refusal_says_so() throws Exception {
        String title = "审核丁整改方案";
        long id = paste(mvc, smallPlan(title, "各县区有关单位甲"), title);
        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "各县区有关单位甲")
                        .param("target", "各县区政府").param("mode", "alias").with(office()).with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("“各县区政府”是单位组，不能添加别名")));
        mvc.perform(post("/intake/drafts/{id}/resolve", id).param("mention", "各县区有关单位甲")
                        .param("target", "市不存在局").param("mode", "choose").with(office()).with(csrf()))
                .andExpect(flash().attribute("flashError", "单位树中没有名为“市不存在局”的单位或单位组。"));
        assertThat((List<?>) read(draft(mvc, id), "$.unresolved")).hasSize(1);
    }

    @Test
    void publishing_as_assigned_puts_the_tasks_in_the_ledger_and_publishing_again_adds_nothing() throws Exception {
        String title = "审核戊整改方案";
        long id = paste(mvc, smallPlan(title, "市财政局"), title);

        mvc.perform(post("/intake/drafts/{id}/publish", id).param("assign", "true").with(office()).with(csrf()))
                .andExpect(redirectedUrlPattern("/tasks?planId=*"))
                .andExpect(flash().attribute("flash", "已发布并下达：新增 2 项任务，0 项已在方案中。"))
                .andExpect(flash().attribute("cadenceLink", org.hamcrest.Matchers.endsWith("/cadence")));
        long planId = plans.findByTitle(title).orElseThrow();
        // a new plan has no reporting cadence: the ledger it lands on asks for one
        String cadence = "/progress/plans/" + planId + "/cadence";
        mvc.perform(get("/tasks").param("planId", String.valueOf(planId)).flashAttr("cadenceLink", cadence).with(office()))
                .andExpect(content().string(containsString("还没有报送周期")))
                .andExpect(content().string(containsString("href=\"" + cadence + "\"")));
        List<TaskSummary> tasks = ledger.find(LedgerFilter.ofPlan(planId, 50), DataScope.ALL).tasks();
        assertThat(tasks).extracting(TaskSummary::ref).containsExactly("一(一)", "一(二)");
        assertThat(tasks).extracting(TaskSummary::status).containsOnly(TaskStatus.ASSIGNED);
        TaskDetail first = ledger.get(tasks.get(0).id(), DataScope.ALL);
        assertThat(first.leadUnitNames()).containsExactly("市财政局");
        assertThat(first.milestones()).extracting(m -> m.dueOn().toString()).containsExactly("2018-12-31");
        TaskDetail second = ledger.get(tasks.get(1).id(), DataScope.ALL);
        assertThat(second.obligations()).hasSize(1);
        assertThat(second.indicators()).extracting(i -> i.name()).containsExactly("检查覆盖率");

        mvc.perform(post("/intake/drafts/{id}/publish", id).param("assign", "true").with(office()).with(csrf()))
                .andExpect(flash().attribute("flash", "已发布并下达：新增 0 项任务，2 项已在方案中。"))
                .andExpect(flash().attributeCount(1)); // no cadence prompt for a plan that was there
        assertThat(ledger.find(LedgerFilter.ofPlan(planId, 50), DataScope.ALL).total()).isEqualTo(2);
        // a second draft of the same plan adds nothing either
        long again = paste(mvc, smallPlan(title, "市财政局"), title);
        mvc.perform(post("/intake/drafts/{id}/publish", again).param("assign", "false").with(office()).with(csrf()))
                .andExpect(flash().attribute("flash", "已发布：新增 0 项任务（草稿），2 项已在方案中。"));
        assertThat(ledger.find(LedgerFilter.ofPlan(planId, 50), DataScope.ALL).total()).isEqualTo(2);
    }

    /**
     * Two drafts of one new plan published at the same moment (two reviewers, or one clicking twice on two nodes): the
     * plan is created once and each task once; the second publish finds the first's plan and adds nothing. (The plan's
     * title has no unique constraint: the publish's title lock is what keeps the second from creating it again.)
     */
    @Test
    void two_drafts_of_one_plan_published_at_the_same_moment_create_the_plan_and_each_task_once() throws Exception {
        String title = "同时发布整改方案";
        long first = paste(mvc, smallPlan(title, "市财政局"), title);
        long second = paste(mvc, smallPlan(title, "市财政局"), title);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> flashes = two.invokeAll(List.of(first, second).stream()
                    .map(id -> (Callable<Object>) () -> {
                        together.await();
                        return mvc.perform(post("/intake/drafts/{id}/publish", id).param("assign", "true")
                                        .with(office()).with(csrf()))
                                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flash");
                    }).toList());
            List<Object> said = new ArrayList<>();
            for (var flash : flashes) {
                said.add(flash.get());
            }
            assertThat(said).containsExactlyInAnyOrder("已发布并下达：新增 2 项任务，0 项已在方案中。",
                    "已发布并下达：新增 0 项任务，2 项已在方案中。");
        } finally {
            two.shutdownNow();
        }
        assertThat(plans.all()).filteredOn(p -> p.title().equals(title)).singleElement()
                .satisfies(p -> assertThat(ledger.find(LedgerFilter.ofPlan(p.id(), 50), DataScope.ALL).tasks())
                        .extracting(TaskSummary::ref).containsExactly("一(一)", "一(二)"));
    }

    @Test
    void publishing_as_draft_leaves_the_tasks_in_draft() throws Exception {
        String title = "审核己整改方案";
        long id = paste(mvc, smallPlan(title, "市财政局"), title);
        mvc.perform(post("/intake/drafts/{id}/publish", id).param("assign", "false").with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long planId = plans.findByTitle(title).orElseThrow();
        assertThat(ledger.find(LedgerFilter.ofPlan(planId, 50), DataScope.ALL).tasks())
                .extracting(TaskSummary::status).containsOnly(TaskStatus.DRAFT);
    }

    @Test
    void a_reviewer_corrects_a_card_and_the_card_comes_back_saved() throws Exception {
        String title = "审核庚整改方案";
        long id = paste(mvc, smallPlan(title, "市财政局"), title);
        String json = draft(mvc, id);
        long card = taskId(json, "一(一)");

        mvc.perform(saveCard(id, card, 0, "建立问题台账（修订）", "市发展改革委、财政局", "2019-06-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("建立问题台账（修订）")))
                .andExpect(content().string(containsString("hx-swap-oob=\"true\"")));
        String after = draft(mvc, id);
        assertThat((String) read(after, "$.tasks[0].title")).isEqualTo("建立问题台账（修订）");
        assertThat((List<String>) read(after, "$.tasks[0].leadUnits[*].name")).containsExactly("市发展改革委", "市财政局");
        assertThat((List<String>) read(after, "$.tasks[0].deadlines[*].date")).containsExactly("2019-06-30");
        assertThat(taskVersion(after, "一(一)")).isEqualTo(1);
    }

    @Test
    void two_reviewers_saving_the_same_card_the_second_is_refused_and_nothing_of_the_first_is_overwritten() throws Exception {
        String title = "审核辛整改方案";
        long id = paste(mvc, smallPlan(title, "市财政局"), title);
        long card = taskId(draft(mvc, id), "一(一)");

        // both opened the card at version 0
        mvc.perform(saveCard(id, card, 0, "第一位审核人的标题", "市财政局", "2018-12-31")).andExpect(status().isOk());
        mvc.perform(saveCard(id, card, 0, "第二位审核人的标题", "市环境保护局", "2020-12-31"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("未保存：演示·市督察整改办（临沧市）")))
                .andExpect(content().string(containsString("第二位审核人的标题"))); // their input stays on the form

        String json = draft(mvc, id);
        assertThat((String) read(json, "$.tasks[0].title")).isEqualTo("第一位审核人的标题");
        assertThat((List<String>) read(json, "$.tasks[0].leadUnits[*].name")).containsExactly("市财政局");
        assertThat(taskVersion(json, "一(一)")).isEqualTo(1);
    }

    @Test
    void a_card_with_a_mistake_is_refused_at_its_field_and_not_saved() throws Exception {
        String title = "审核壬整改方案";
        long id = paste(mvc, smallPlan(title, "市财政局"), title);
        long card = taskId(draft(mvc, id), "一(一)");
        mvc.perform(post("/intake/drafts/{id}/tasks/{card}", id, card).with(office()).with(csrf())
                        .header("HX-Request", "true")
                        .param("version", "0").param("ref", "一(二)").param("text", "")
                        .param("indicators[0].name", "覆盖率").param("indicators[0].comparator", ">=")
                        .param("indicators[0].value", "很多"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请填写数字。")))
                .andExpect(content().string(containsString("编号与草稿中另一项任务重复。")))
                .andExpect(content().string(containsString("请填写任务内容。")));
        assertThat(taskVersion(draft(mvc, id), "一(一)")).isZero();
    }

    @Test
    void a_plan_without_any_text_is_refused_with_a_sentence() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/intake")
                        .param("text", "   ").with(office()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请上传方案文件，或粘贴方案全文。")));
    }

    @Test
    void the_header_saved_by_someone_else_first_is_not_overwritten() throws Exception {
        String title = "审核癸整改方案";
        long id = paste(mvc, smallPlan(title, "市财政局"), title);
        mvc.perform(post("/intake/drafts/{id}/header", id).param("version", "0").param("planTitle", "审核癸整改方案（修订）")
                        .param("issuedOn", "2018-03-01").with(office()).with(csrf()))
                .andExpect(flash().attribute("flash", "方案信息已保存。"));
        mvc.perform(post("/intake/drafts/{id}/header", id).param("version", "0").param("planTitle", "另一个标题")
                        .with(office()).with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("修改了方案信息")));
        String json = draft(mvc, id);
        assertThat((String) read(json, "$.header.planTitle")).isEqualTo("审核癸整改方案（修订）");
        assertThat((String) read(json, "$.header.issuedOn")).isEqualTo("2018-03-01");
    }

    private org.springframework.test.web.servlet.RequestBuilder saveCard(long draftId, long cardId, int version,
                                                                         String title, String lead, String date) {
        return post("/intake/drafts/{id}/tasks/{card}", draftId, cardId).with(office()).with(csrf())
                .header("HX-Request", "true")
                .param("version", Integer.toString(version)).param("ref", "一(一)").param("title", title)
                .param("text", "建立问题台账。逐项明确整改责任。").param("leadUnits", lead).param("supportingUnits", "")
                .param("deadlines[0].date", date).param("deadlines[0].deliverable", "完成全部问题台账建设");
    }

    private long unitId(String name) {
        return units.resolve(name).orElseThrow().id();
    }
}
