package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.KeptRows;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.audit.AuditLog;
import org.rectify.platform.CatchUp;
import org.rectify.platform.RectifyException;
import org.rectify.units.UnitGroup;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A plan's tasks created together ({@link Tasks#createAll}, how intake publishes a plan) hold exactly what the same
 * tasks hold when each is created and then assigned by a command of its own: the task rows and what triggers keep on
 * them, their units, milestones, indicators, obligations and history, the audit entries in the same order, and what
 * the listeners made (warnings and their changes, notifications and the outbox, the dashboard's kept rows), which hear of the batch
 * once ({@link TasksCreated}) rather than of each task; the kept tables stay a fresh count. A batch refused at any of its
 * tasks writes none of them.
 */
@IntegrationTest
@EnableScenarios
class TasksCreatedTogetherTests {

    @Autowired
    Tasks tasks;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    CatchUp catchUp;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    EventSerializer serializer;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void tasks_created_together_hold_what_the_same_tasks_created_and_assigned_one_by_one_hold(Scenario scenario) {
        long oneByOne = plan("逐项下达对照整改方案");
        long together = plan("一批下达对照整改方案");
        Caller office = office();

        List<Long> single = new ArrayList<>();
        long auditBefore = linkedSeq();
        scenario.stimulate(() -> {
            for (TaskContent content : contents(oneByOne)) {
                long id = tasks.create(content, office);
                tasks.transition(id, TaskCommand.ASSIGN, null, office);
                single.add(id);
            }
        }).andWaitForStateChange(new EventsHandled(publications).about(single), Boolean.TRUE::equals);
        List<String> singleAudit = audit(auditBefore, oneByOne);

        List<Long> batch = new ArrayList<>();
        auditBefore = linkedSeq();
        scenario.stimulate(() -> {
            batch.addAll(tasks.createAll(together, contents(together), true, office));
        }).andWaitForStateChange(new EventsHandled(publications).about(batch), Boolean.TRUE::equals);
        List<String> batchAudit = audit(auditBefore, together);
        catchUp.await(); // the dashboard's kept rows applied

        assertThat(batch).hasSize(single.size());
        assertThat(jdbc.queryForList("select status from task where plan_id = ?", String.class, together))
                .hasSize(4).containsOnly("ASSIGNED");
        assertThat(batchAudit).as("audit entries in order").isEqualTo(singleAudit)
                .filteredOn(e -> e.startsWith("person.recorded")).hasSize(2);
        Map<String, Function<Long, List<Map<String, Object>>>> held = held();
        for (var table : held.entrySet()) {
            List<Map<String, Object>> expected = table.getValue().apply(oneByOne);
            assertThat(expected).as(table.getKey() + " of the tasks made one by one").isNotEmpty();
            assertThat(table.getValue().apply(together)).as(table.getKey()).isEqualTo(expected);
        }
        assertThat(publications(single)).as("the listeners after the commit, task by task").containsExactlyInAnyOrder(
                "InboxNotifications.on(TaskTransitioned) ×4", "WarningTriggers.on(TaskTransitioned) ×4",
                "WarningTriggers.on(TasksCreated) ×4", "InboxNotifications.on(WarningLevelChanged) ×1");
        assertThat(publications(batch)).as("the listeners after the commit, once for the batch").containsExactlyInAnyOrder(
                "InboxNotifications.on(TasksCreated) ×1", "WarningTriggers.on(TasksCreated) ×1",
                "InboxNotifications.on(WarningLevelChanged) ×1");
        KeptRows.assertKeptIsFresh(jdbc, "select path, reach, status, tasks from task_status_count where tasks <> 0",
                "select path, reach, status, tasks from task_status_count_derived", "tasks created together");
        KeptRows.assertKeptIsFresh(jdbc,
                "select path, reach, grain, bucket, tasks from task_open_deadline_count where tasks <> 0",
                "select path, reach, grain, bucket, tasks from task_open_deadline_count_derived", "tasks created together");
        KeptRows.assertKeptIsFresh(jdbc, """
                        select path, role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id,
                               ref, title, untitled_text, status
                        from task_open_duty""", """
                        select path, role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id,
                               ref, title, untitled_text, status
                        from task_open_duty_derived""", "tasks created together");
    }

    @Test
    void tasks_created_together_are_written_with_their_reach_so_the_refresh_after_their_units_rewrites_none_of_them() {
        long plan = plan("一批连同范围写入整改方案");
        String updates = "select n_tup_upd from pg_stat_xact_user_tables where relname = 'task'";
        Long updated = new TransactionTemplate(transactions).execute(s -> {
            // (read before too: the backend may still hold counts of earlier transactions, not flushed yet)
            long before = jdbc.queryForObject(updates, Long.class);
            tasks.createAll(plan, contents(plan), true, office());
            return jdbc.queryForObject(updates, Long.class) - before;
        });
        // the two tasks naming a responsible person get it in one update each; no other update of a task row (the
        // reach refresh after the units' insert, and with it every task trigger, found nothing to change)
        assertThat(updated).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from task where plan_id = ? and unit_reach <> '{}' and lead_reach <> '{}'
                  and cardinality(office_reach) > cardinality(unit_reach) and lead_unit_ids <> '{}'""", Integer.class, plan))
                .as("every task with its reach").isEqualTo(4);
    }

    @Test
    void a_batch_refused_at_one_of_its_tasks_writes_none_of_them() {
        long plan = plan("一批下达拒绝整改方案");
        Caller office = office();
        tasks.createAll(plan, List.of(content(plan, "一", lead(unit("市财政局")), List.of())), false, office);
        long auditBefore = linkedSeq();
        Integer people = jdbc.queryForObject("select count(*) from person", Integer.class);

        List<TaskContent> third = new ArrayList<>(contents(plan));
        third.set(2, content(plan, "二(一)", UnitAssignment.NONE, List.of()));
        assertThat(refusal(() -> tasks.createAll(plan, third, true, office)).messageKey())
                .isEqualTo("task.assignNeedsLeadUnit");
        List<TaskContent> taken = new ArrayList<>(contents(plan));
        taken.add(content(plan, " 一 ", lead(unit("市财政局")), List.of()));
        assertThat(refusal(() -> tasks.createAll(plan, taken, true, office)).messageKey()).isEqualTo("task.refTaken");
        List<TaskContent> twice = new ArrayList<>(contents(plan));
        twice.add(contents(plan).get(0));
        assertThat(refusal(() -> tasks.createAll(plan, twice, true, office)).messageKey()).isEqualTo("task.refTaken");
        List<TaskContent> unknown = new ArrayList<>(contents(plan));
        unknown.add(content(plan, "三", lead(-1L), List.of()));
        assertThat(refusal(() -> tasks.createAll(plan, unknown, false, office)).messageKey()).isEqualTo("unit.notFound");
        Caller county = new Caller(0, "linxiang-office", "临翔区整改办", unit("临翔区"), "临翔区", Role.OFFICE,
                DataScope.ofJurisdiction(Demo.unitPath(units, "临翔区")));
        assertThat(refusal(() -> tasks.createAll(plan, contents(plan), true, county)).kind())
                .isEqualTo(RectifyException.Kind.NOT_FOUND);

        assertThat(jdbc.queryForList("select ref from task where plan_id = ?", String.class, plan)).containsExactly("一");
        assertThat(jdbc.queryForObject("select count(*) from task_history h join task t on t.id = h.task_id"
                + " where t.plan_id = ?", Integer.class, plan)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(people);
        assertThat(linkedSeq()).as("no audit entry of a refused batch").isEqualTo(auditBefore);
    }

    /**
     * A transition a listener keeps a publication of is read back as it was written (after a restart, say), without
     * {@code atCreation} in what is kept. (Nor is it in the audit record: the first test's audit entries are equal, one
     * batch's transitions at creation and the other's not.)
     */
    @Test
    void a_transition_kept_for_its_listeners_reads_back_as_it_was() {
        TaskTransitioned closed = new TaskTransitioned(7, "一(一)", TaskCommand.CLOSE, TaskStatus.CLOSURE_REQUESTED,
                TaskStatus.CLOSED, "office", "验收合格", Instant.parse("2026-12-05T08:00:00Z"));
        Object kept = serializer.serialize(closed);
        assertThat(kept.toString()).doesNotContain("atCreation");
        assertThat(serializer.deserialize(kept, TaskTransitioned.class)).isEqualTo(closed);
    }

    /** Every table the tasks' rows are in or make, as rows of the plan's tasks with their refs for their ids. */
    private Map<String, Function<Long, List<Map<String, Object>>>> held() {
        Map<String, Function<Long, List<Map<String, Object>>>> held = new LinkedHashMap<>();
        String tasks = "(select id, ref, position from task where plan_id = ?) t";
        held.put("tasks", plan -> jdbc.queryForList("""
                select ref, position, title, text, measures, responsible_person_id, status, ongoing, deadline, version,
                       unit_reach::text, office_reach::text, lead_reach::text,
                       lead_unit_ids::text, lead_group_ids::text, finding_id
                from task where plan_id = ? order by position""", plan));
        held.put("task units", plan -> jdbc.queryForList("select t.ref, u.unit_id, u.role, u.via_group_id, u.position"
                + " from task_unit u join " + tasks + " on t.id = u.task_id order by t.position, u.role, u.position", plan));
        held.put("milestones", plan -> jdbc.queryForList("select t.ref, m.due_on, m.deliverable, m.phrase, m.position"
                + " from milestone m join " + tasks + " on t.id = m.task_id order by t.position, m.position", plan));
        held.put("indicators", plan -> jdbc.queryForList("select t.ref, i.name, i.comparator, i.target_value,"
                + " i.unit_of_measure, i.due_on, i.baseline, i.phrase, i.position"
                + " from indicator i join " + tasks + " on t.id = i.task_id order by t.position, i.position", plan));
        held.put("obligations", plan -> jdbc.queryForList("select t.ref, o.subject, o.at_least, o.per, o.starts_on,"
                + " o.phrase, o.position from obligation o join " + tasks + " on t.id = o.task_id order by t.position, o.position", plan));
        held.put("history", plan -> jdbc.queryForList("select t.ref, h.actor, h.action, h.from_status, h.to_status,"
                + " h.reason, h.changes, h.task_version, h.relapse from task_history h join " + tasks
                + " on t.id = h.task_id order by h.id", plan));
        held.put("warnings", plan -> jdbc.queryForList("select t.ref, w.level, w.schedule_status, w.reasons, w.assessed_on"
                + " from task_warning w join " + tasks + " on t.id = w.task_id order by t.position", plan));
        held.put("warning changes", plan -> jdbc.queryForList("select t.ref, w.from_level, w.to_level, w.reasons"
                + " from warning_change w join " + tasks + " on t.id = w.task_id order by t.position, w.id", plan));
        held.put("notifications", plan -> jdbc.queryForList("select t.ref, m.account_id, m.kind, m.message_key, m.args"
                + " from inbox_message m join " + tasks + " on m.link = '/tasks/' || t.id order by t.position, m.account_id", plan));
        held.put("the outbox (email, webhooks)", plan -> jdbc.queryForList("select t.ref, o.channel, o.address,"
                + " o.webhook_id, o.kind, o.subject, replace(o.body, '/tasks/' || t.id, '/tasks/{id}') body"
                + " from outbound_message o join " + tasks
                + " on t.id = o.task_id order by t.position, o.channel, o.address, o.kind", plan));
        held.put("the dashboard's kept tasks", plan -> jdbc.queryForList("select t.ref, i.section, i.status, i.schedule,"
                + " i.level, i.due_month, i.keys::text, i.deadline, i.item from insight_task i join " + tasks
                + " on t.id = i.task_id order by t.position", plan));
        held.put("the open reach", plan -> jdbc.queryForList("select t.ref, r.path, r.deadline, r.in_unit_reach,"
                + " r.in_lead_reach from task_open_reach r join " + tasks + " on t.id = r.task_id order by t.position, r.path", plan));
        return held;
    }

    /**
     * The event publications about these tasks (an event naming one of them as its task or among its tasks), as
     * "listener class.method(event class) ×count", "incomplete" added to those not completed.
     */
    private List<String> publications(List<Long> ids) {
        Long[] tasks = ids.toArray(Long[]::new);
        return jdbc.queryForList("""
                select regexp_replace(listener_id, '^.*[.]([^.]+[.][^.(]+)[(].*[.]([^.]+)[)]$', '\\1(\\2)')
                       || ' ×' || count(*) || case when completion_date is null then ' incomplete' else '' end
                from event_publication e
                where (e.serialized_event::jsonb ->> 'taskId')::bigint = any(?)
                   or exists (select from jsonb_array_elements_text(e.serialized_event::jsonb -> 'taskIds') i
                              where i::bigint = any(?))
                group by listener_id, completion_date is null""", String.class, tasks, tasks);
    }

    /**
     * The commands' chain entries after {@code seq} about the plan's tasks or people, in the chain's order, ids aside
     * (not those of listeners after the commit, which interleave with later commands as they come).
     */
    private List<String> audit(long seq, long plan) {
        auditLog.awaitLinked();
        return jdbc.queryForList("""
                select a.action || ' ' || coalesce(t.ref, a.object) || ' ' || a.actor || ' '
                       || (a.change::jsonb - 'taskId' - 'planId' - 'occurredAt')::text
                from audit_entry a left join task t on a.object = 'task:' || t.id
                where a.seq > ? and (t.plan_id = ? or a.object like 'person:%')
                  and a.action in ('task.created', 'task.transitioned', 'person.recorded')
                order by a.seq""", String.class, seq, plan);
    }

    private long linkedSeq() {
        auditLog.awaitLinked();
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    /**
     * Four tasks with what a plan gives: a unit leading and another supporting, a group leading, a unit both leading
     * and supporting, milestones (the later one the deadline), an indicator, an obligation, the same responsible person
     * twice and measures; an ongoing task; one without a title or a date; one overdue.
     */
    private List<TaskContent> contents(long plan) {
        long epb = unit("市环境保护局");
        long finance = unit("市财政局");
        long linxiangGov = unit("临翔区政府");
        LocalDate soon = LocalDate.now().plusMonths(3);
        LocalDate later = LocalDate.now().plusMonths(9);
        LocalDate overdue = LocalDate.now().minusDays(10); // red at once: a change of level, and its notification
        UnitGroup governments = units.groups().stream().filter(g -> g.name().equals("各县区政府")).findFirst().orElseThrow();
        UnitGroup committees = units.groups().stream().filter(g -> g.name().equals("各县区党委")).findFirst().orElseThrow();
        return List.of(
                new TaskContent(plan, "一(一)", "水源地整治", "开展饮用水水源地环境问题整治。", "逐一排查，限期整改",
                        lead(epb), lead(finance), new ResponsiblePerson("王五", "副局长", epb, null),
                        List.of(new Milestone(soon, "完成排查", "三个月内"), new Milestone(later, "完成整改", "九个月内")),
                        List.of(new Indicator("水质达标率", Indicator.Comparator.AT_LEAST, new BigDecimal("95"), "%", later,
                                null, "达到95%以上")),
                        List.of(new Obligation("专题研究", 1, Obligation.Period.MONTH, soon, "每月研究不少于1次")), false),
                new TaskContent(plan, "一(二)", null, "各县区政府落实属地责任，长期坚持。", null,
                        new UnitAssignment(List.of(), List.of(governments.id())), lead(epb),
                        new ResponsiblePerson("王五", null, null, null), List.of(new Milestone(soon, "建立机制", null)),
                        List.of(), List.of(), true),
                new TaskContent(plan, " 二(一) ", "双重责任", "临翔区政府牵头并配合。", null, lead(linxiangGov),
                        new UnitAssignment(List.of(linxiangGov), List.of(committees.id())), null, List.of(), List.of(),
                        List.of(), false),
                content(plan, "二(二)", lead(finance), List.of(new Milestone(overdue, "完成", null))));
    }

    private static TaskContent content(long plan, String ref, UnitAssignment lead, List<Milestone> milestones) {
        return new TaskContent(plan, ref, null, "任务" + ref.strip(), null, lead, UnitAssignment.NONE, null, milestones,
                List.of(), List.of(), false);
    }

    private static UnitAssignment lead(long unitId) {
        return new UnitAssignment(List.of(unitId), List.of());
    }

    private static RectifyException refusal(Runnable command) {
        RectifyException e = catchThrowableOfType(RectifyException.class, command::run);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    private long plan(String title) {
        return plans.createPlan(null, title, "测试", null, unit("临沧市"));
    }

    private Caller office() {
        return Demo.cityOffice(units);
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }
}
