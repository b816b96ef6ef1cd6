package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.KeptRows;
import org.rectify.TestTasks;
import org.rectify.units.NewUnit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V52's kept duties (the due list's rows) are what the tasks, their units and the unit tree say after every kind of
 * change that can alter them: a task assigned, started, asked to close, closed, reopened and cancelled; its lead and
 * supporting units changed; its position and its plan changed; a unit moved in the tree. After each, the kept rows and
 * counts equal the derived ones, a rebuild from scratch gives the same rows and counts, and {@link OpenDuties} pages
 * equal {@link TaskLedger#duties} (the statement on the task tables it replaced) for every unit's subtree and the
 * administrator, whole and page by page.
 */
@IntegrationTest
class OpenDutyKeptTests {

    private static final Set<TaskStatus> OPEN = OpenReachRange.OPEN;
    private static final String KEPT = """
            select path, role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id,
                   ref, title, untitled_text, status from task_open_duty""";
    private static final String DERIVED = """
            select path, role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id,
                   ref, title, untitled_text, status
            from task_open_duty_derived""";
    private static final String COUNTED = "select path, role, plan_id, count(*)::int from task_open_duty group by 1, 2, 3";
    private static final String KEPT_COUNTS = "select path, role, plan_id, duties from task_open_duty_count where duties <> 0";

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration unitAdministration;
    @Autowired
    TaskLedger ledger;
    @Autowired
    OpenDuties openDuties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }

    @Test
    void the_kept_duties_follow_every_change_of_tasks_units_and_the_unit_tree() throws Exception {
        assertKeptAsDerived("as migrated and loaded");
        TestTasks tasks = TestTasks.inPlan(mvc, plans, units, "应报事项测试方案");
        long epb = unit("市环境保护局");
        long finance = unit("市财政局");
        long linxiang = unit("临翔区");
        long newUnit = unitAdministration.create(new NewUnit(linxiang, "应报事项测试站", UnitLevel.COUNTY,
                UnitType.DEPARTMENT)).id();
        LocalDate deadline = LocalDate.now().plusMonths(6);

        long draft = tasks.draft("应报事项测试任务", epb, deadline);
        assertThat(keptRowsOf(draft)).as("a draft has no duty").isZero();
        TestTasks.command(mvc, draft, "ASSIGN");
        int levels = (int) units.get(epb).path().chars().filter(c -> c == '/').count() - 1;
        assertThat(keptRowsOf(draft)).as("the lead unit, each unit above it, and '/'").isEqualTo(levels + 1);
        assertKeptAsDerived("assigned");
        long other = tasks.startedLedBy("应报事项测试任务二", List.of(newUnit, linxiang), deadline);
        assertKeptAsDerived("another task started, led by a new unit and its county");
        TestTasks.command(mvc, draft, "START");
        assertKeptAsDerived("started");

        // a page reads a task's text only when its title is blank to Java (the excerpt stands in for it)
        String epbPath = units.get(epb).path();
        jdbc.update("update task set title = ?, text = ? where id = ?", "\u3000 \t", "\u3000  " + "整改".repeat(30) + " ", draft);
        assertKeptAsDerived("a blank title: the text's excerpt in its place");
        assertThat(titleOnPage(epbPath, draft)).isEqualTo("整改".repeat(20) + "…");
        jdbc.update("update task set title = null, text = ? where id = ?", " 短文本 ", draft);
        assertKeptAsDerived("no title, a short text");
        assertThat(titleOnPage(epbPath, draft)).isEqualTo("短文本");
        jdbc.update("update task set title = ? where id = ?", "\u00a0", draft); // no whitespace to Java: a title
        assertKeptAsDerived("a no-break space for a title");
        assertThat(titleOnPage(epbPath, draft)).isEqualTo("\u00a0");
        jdbc.update("update task set title = ?, text = ? where id = ?", "应报事项测试任务", "应报事项测试任务", draft);
        // what a page shows of a task follows it in the same statement, whoever writes it (V73)
        jdbc.update("update task set ref = ?, title = ? where id = ?", "改-1", "改过的标题", draft);
        assertKeptAsDerived("a task retitled and its ref changed");
        assertThat(titleOnPage(epbPath, draft)).isEqualTo("改过的标题");
        assertThat(openDuties.page(epbPath, null, 0, 200).lead().stream().filter(d -> d.taskId() == draft)
                .map(UnitDuty::ref).findFirst()).contains("改-1");
        jdbc.update("update task set title = ? where id = ?", "应报事项测试任务", draft);

        TestTasks.reassign(mvc, ledger, draft, List.of(linxiang, newUnit), List.of(epb, finance)); // reassigned, and supported
        assertKeptAsDerived("lead units changed, supporting units added");
        TestTasks.reassign(mvc, ledger, draft, List.of(newUnit), List.of(finance)); // a lead and a supporting unit gone
        assertKeptAsDerived("units removed");

        TestTasks.command(mvc, draft, "REQUEST_CLOSURE");
        assertKeptAsDerived("closure requested");
        TestTasks.command(mvc, draft, "CLOSE");
        assertThat(keptRowsOf(draft)).as("a closed task has no duty").isZero();
        assertKeptAsDerived("closed");
        TestTasks.command(mvc, draft, "REOPEN");
        assertThat(keptRowsOf(draft)).isPositive();
        assertKeptAsDerived("reopened");

        jdbc.update("update task set position = position + 1000 where id = ?", other);
        assertKeptAsDerived("task moved to the end of its plan");
        long secondPlan = plans.createPlan(null, "应报事项测试方案二", "测试", null, unit("临沧市"));
        jdbc.update("update task set plan_id = ? where id = ?", secondPlan, other);
        assertKeptAsDerived("task moved to another plan");

        unitAdministration.move(newUnit, unit("临沧市"));
        assertKeptAsDerived("a unit moved from its county to the city");

        TestTasks.command(mvc, other, "CANCEL");
        assertThat(keptRowsOf(other)).as("a cancelled task has no duty").isZero();
        assertKeptAsDerived("cancelled");
    }

    @Test
    void the_database_finds_a_title_blank_exactly_when_java_does() {
        // every BMP character but the surrogates, alone as a title: the text comes with it only when Java finds it blank
        List<Integer> sqlBlank = jdbc.queryForList("""
                select c from generate_series(1, 65535) c
                where c not between 55296 and 57343 and task_untitled_text(chr(c), 'text') is not null order by c""",
                Integer.class);
        List<Integer> javaBlank = java.util.stream.IntStream.rangeClosed(1, 65535)
                .filter(c -> !Character.isSurrogate((char) c) && String.valueOf((char) c).isBlank()).boxed().toList();
        assertThat(sqlBlank).isEqualTo(javaBlank).contains(0x3000, 0x20).doesNotContain(0xa0);
        assertThat(jdbc.queryForObject("select task_untitled_text(null, 'text')", String.class)).isEqualTo("text");
        assertThat(jdbc.queryForObject("select task_untitled_text(' \u3000整改\t', 'text')", String.class)).isNull();
        assertThat(jdbc.queryForObject("select task_untitled_text(' \u3000\t', 'text')", String.class)).isEqualTo("text");
    }

    /** The title a unit's due page shows for the task. */
    private String titleOnPage(String path, long taskId) {
        return openDuties.page(path, null, 0, 200).lead().stream().filter(d -> d.taskId() == taskId)
                .map(UnitDuty::displayTitle).findFirst().orElseThrow();
    }

    private int keptRowsOf(long taskId) {
        return jdbc.queryForObject("select count(*) from task_open_duty where task_id = ?", Integer.class, taskId);
    }

    /** The kept rows and counts are the derived ones, a rebuild gives them again, and the pages are the old path's. */
    private void assertKeptAsDerived(String after) {
        KeptRows.assertKeptIsFresh(jdbc, KEPT, DERIVED, after);
        assertThat(jdbc.queryForList("(" + COUNTED + ") except all (" + KEPT_COUNTS + ")")).as("%s: counts", after).isEmpty();
        assertThat(jdbc.queryForList("(" + KEPT_COUNTS + ") except all (" + COUNTED + ")")).as("%s: counts", after).isEmpty();
        assertARebuildGivesTheSame(after);
        List<String> paths = new ArrayList<>(jdbc.queryForList("select path from unit order by path", String.class));
        paths.add(null); // the administrator
        for (String path : paths) {
            assertPagesAreTheOldOnes(after, path);
        }
    }

    /** Emptied and filled again from the derived view as the migration fills it, in a transaction rolled back. */
    private void assertARebuildGivesTheSame(String after) {
        List<Map<String, Object>> rows = jdbc.queryForList(KEPT + " order by 1, 2, 3, 4, 5, 6, 7");
        List<Map<String, Object>> counts = jdbc.queryForList(KEPT_COUNTS + " order by 1, 2, 3");
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from task_open_duty");
            jdbc.update("delete from task_open_duty_count");
            jdbc.update("insert into task_open_duty " + DERIVED);
            jdbc.update("insert into task_open_duty_count " + COUNTED);
            assertThat(jdbc.queryForList(KEPT + " order by 1, 2, 3, 4, 5, 6, 7")).as("%s: rebuilt rows", after).isEqualTo(rows);
            assertThat(jdbc.queryForList(KEPT_COUNTS + " order by 1, 2, 3")).as("%s: rebuilt counts", after).isEqualTo(counts);
            tx.setRollbackOnly();
        });
    }

    private void assertPagesAreTheOldOnes(String after, String path) {
        List<UnitDuty> leads = ledger.duties(path, null, OPEN, true);
        List<UnitDuty> supports = ledger.duties(path, null, OPEN, false);
        String what = after + ", " + (path == null ? "every unit" : path);
        assertThat(openDuties.page(path, null, 0, Integer.MAX_VALUE)).as(what)
                .isEqualTo(new DutyPage(leads, supports, leads.size(), supports.size(), titles(leads, supports)));
        int size = 3;
        for (int from = 0; from <= Math.max(leads.size(), supports.size()); from += size) {
            assertThat(openDuties.page(path, null, from, size)).as("%s, from %d", what, from).isEqualTo(new DutyPage(
                    slice(leads, from, size), slice(supports, from, size), leads.size(), supports.size(),
                    titles(slice(leads, from, size), slice(supports, from, size))));
        }
        for (long plan : leads.stream().map(UnitDuty::planId).distinct().toList()) {
            List<UnitDuty> planLeads = ledger.duties(path, plan, OPEN, true);
            List<UnitDuty> planSupports = ledger.duties(path, plan, OPEN, false);
            assertThat(openDuties.page(path, plan, 0, 50)).as("%s, plan %d", what, plan).isEqualTo(new DutyPage(
                    slice(planLeads, 0, 50), slice(planSupports, 0, 50), planLeads.size(), planSupports.size(),
                    titles(slice(planLeads, 0, 50), slice(planSupports, 0, 50))));
            if (path == null) { // the matrix's unit filter: the plan's lead units of open tasks
                assertThat(openDuties.leadUnitsOf(plan)).as("%s, plan %d's lead units", what, plan)
                        .isEqualTo(planLeads.stream().map(UnitDuty::unitId).collect(java.util.stream.Collectors.toSet()));
            }
        }
    }

    /** The titles of the plans these duties fall in, as the plans read them. */
    private java.util.Map<Long, String> titles(List<UnitDuty> leads, List<UnitDuty> supports) {
        return plans.titles(java.util.stream.Stream.concat(leads.stream(), supports.stream()).map(UnitDuty::planId)
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static List<UnitDuty> slice(List<UnitDuty> all, int from, int size) {
        return List.copyOf(all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())));
    }
}
