package org.rectify.demo;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.ReportingCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's office refined its plan (细化) as the plan asks: every task names its one responsible person, a task the plan
 * left without a date has the office's date, and a 长期坚持 task says so on every page, not 未定.
 */
@IntegrationTest
class DemoRefinementTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    TaskLedger ledger;
    @Autowired
    ReportingCycles cycles;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.rectify.audit.AuditLog auditLog;

    @Test
    void every_task_of_the_demo_names_its_responsible_person_entered_by_the_office() throws Exception {
        assertThat(jdbc.queryForList("select t.ref from task t join plan p on p.id = t.plan_id where p.short_name in "
                + "('临沧2018', '临翔演示', '临沧回头看') and t.responsible_person_id is null", String.class)).isEmpty();
        long task = Demo.taskId(ledger, plans, "三(三)"); // led by 市环境保护局
        String page = body("/tasks/" + task, office());
        assertThat(page).contains("郑某某").contains("市环境保护局局长").doesNotContain("未指定");
        // the office's edit, in the task's history and in the audit chain, a week into the plan
        assertThat(jdbc.queryForList("select changes from task_history where task_id = ? and action = 'EDITED' "
                + "and actor like '演示·市督察整改办%'", String.class, task)).anyMatch(c -> c.contains("responsible"));
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'task.edited' and object = ? "
                + "and actor like '演示·市督察整改办%'", Long.class, "task:" + task)).isPositive();
        // one person for every task their unit leads first, listed for the administrators
        String people = body("/admin/people", admin());
        assertThat(people).doesNotContain("没有找到责任人").contains("郑某某").contains("沈某某").contains("临翔区环境保护局局长");
        assertThat(jdbc.queryForObject("select count(*) from person where name = '郑某某'", Long.class)).isEqualTo(1);
        // the edit kept each task's units as the plan named them: 五(二)2's first lead unit is still the 市环境保护局 the
        // plan names first, not the first member of the group 市直有关部门 (an edit rewrote the units in the form's order)
        assertThat(jdbc.queryForObject("select u.name from task_unit tu join unit u on u.id = tu.unit_id where tu.task_id = ? "
                + "and tu.role = 'LEAD' order by tu.position limit 1", String.class, Demo.taskId(ledger, plans, "五(二)2")))
                .isEqualTo("市环境保护局");
    }

    @Test
    void a_task_the_plan_left_undated_has_the_offices_date_months_ahead_and_an_ongoing_one_reads_ongoing_on_the_ledger()
            throws Exception {
        long planId = Demo.planId(plans);
        LocalDate today = Demo.loadedOn(jdbc, clock);
        List<Map<String, Object>> tasks = jdbc.queryForList("select ref, status, ongoing, deadline from task where plan_id = ?", planId);
        assertThat(tasks).hasSize(22).allMatch(t -> t.get("deadline") != null || (Boolean) t.get("ongoing"));
        // the office's dates lie beyond the blue warning's 15 days: the story's warnings are the plan's own
        assertThat(jdbc.queryForList("select m.due_on from milestone m join task t on t.id = m.task_id "
                + "where t.plan_id = ? and m.phrase is null and m.deliverable = ?", LocalDate.class, planId, DemoRefinement.DELIVERABLE))
                .hasSize(14).allMatch(d -> d.isAfter(today.plusDays(60)));
        for (String lang : List.of("zh_CN", "en")) {
            String ledgerPage = mvc.perform(get("/tasks").param("planId", String.valueOf(planId)).param("lang", lang).with(office()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String ongoing = lang.equals("en") ? "Ongoing, no end date" : "长期坚持";
            // 二(三)2 the plan marks 长期坚持 (still in progress); 二(一) the office refined so and the story made ongoing
            for (String ref : List.of("二(三)2", "二(一)")) {
                assertThat(row(ledgerPage, ref)).as("%s (%s)", ref, lang).contains(">" + ongoing + "</td>");
            }
            assertThat(ledgerPage).as(lang).doesNotContain(lang.equals("en") ? ">Not set</td>" : ">未定</td>");
        }
        String taskPage = body("/tasks/" + Demo.taskId(ledger, plans, "二(三)2"), office());
        assertThat(taskPage).contains("<dd id=\"task-deadline\">长期坚持</dd>");
        // the warning desk: both are yellow (a report missing), their deadline 长期坚持
        String desk = body("/supervision?planId=" + planId, office());
        for (String ref : List.of("二(三)2", "二(一)")) {
            assertThat(row(desk, ref)).as("desk row %s", ref).contains(">长期坚持</td>").doesNotContain(">未定</td>");
        }
    }

    /** The ledger's row of the task {@code ref}. */
    private static String row(String page, String ref) {
        int start = page.indexOf("data-ref=\"" + ref + "\"");
        assertThat(start).as("row %s", ref).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private String body(String url, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
