package org.rectify.plans;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record11;
import org.jooq.Select;
import org.jooq.Table;
import org.rectify.platform.RenderedStatements;
import org.rectify.units.KeptUnitNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY_COUNT;

/**
 * Pages of a unit subtree's duties on open tasks (the due list's), read from V52's kept rows: a page is a range of
 * {@code task_open_duty}'s key in the list's order and its totals are {@code task_open_duty_count}'s, so a page costs
 * the same in a township and in a province of a million tasks (issue 14). Holds what {@link TaskLedger#duties} with
 * the reporting statuses returns, in its order. Not scoped: the caller applies its own rules (the progress module).
 * A page is one statement (its rows, their plans' titles and the totals), rendered once per shape, reading what it shows
 * of each task from the rows themselves (V73: no probe of {@code task} per row); its units and
 * groups are named from the names the node keeps ({@link KeptUnitNames}, as the ledger's lead units), not joined; its
 * rows keep the refs and titles as read ({@link PagedDuty}).
 */
@Service
@Transactional(readOnly = true)
public class OpenDuties {

    /** The rows of every unit's duties, for a caller without a unit (the administrator). */
    static final String EVERY_UNIT = "/";

    private static final Field<BigDecimal> LEAD_TOTAL = field("lead_total", BigDecimal.class);
    private static final Field<BigDecimal> SUPPORTING_TOTAL = field("supporting_total", BigDecimal.class);

    private final DSLContext db;
    private final RenderedStatements statements;
    private final KeptUnitNames unitNames;

    OpenDuties(DSLContext db, RenderedStatements statements, KeptUnitNames unitNames) {
        this.db = db;
        this.statements = statements;
        this.unitNames = unitNames;
    }

    /**
     * The {@code offset}-th to the {@code (offset + limit)}-th lead duty of units within {@code unitPath} (null: every
     * unit), the same of the supporting ones, optionally of one plan, and how many of each there are. One statement
     * (a page without rows reads its totals in a second), run on its generic plan: it joins a caller's transaction and
     * opens none.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public DutyPage page(String unitPath, Long planId, long offset, int limit) {
        String path = unitPath == null ? EVERY_UNIT : unitPath;
        int from = (int) Math.min(Integer.MAX_VALUE, Math.max(0L, offset));
        int size = Math.max(0, limit);
        List<PagedDuty> lead = new ArrayList<>();
        List<PagedDuty> supporting = new ArrayList<>();
        Map<Long, String> titles = new HashMap<>();
        int[] totals = null;
        if (size > 0) {
            List<Object> binds = binds(path, planId, from, size);
            // its offset and size bound: on its generic plan, else planned at each page at a million tasks
            var rows = statements.rowsOnGenericPlan(statements.sqlWithBinds(List.of("open-duties", planId != null),
                    () -> pageStatement(path, planId, from, size), binds), binds, OpenDuties::row);
            UnitNaming naming = new UnitNaming();
            for (PageRow r : rows) {
                PagedDuty duty = naming.duty(r);
                if (duty != null) {
                    (duty.lead() ? lead : supporting).add(duty);
                }
                if (r.planTitle() != null) { // on the plan's first row of the page
                    titles.putIfAbsent(r.planId(), r.planTitle());
                }
                if (totals == null) { // on the page's first row
                    totals = new int[]{r.leadTotal(), r.supportingTotal()};
                }
            }
        }
        if (totals == null) { // no row on this page (past the last one, or no duties): the totals alone
            totals = totals(path, planId);
        }
        return new DutyPage(new PagedDuties(lead), new PagedDuties(supporting), totals[0], totals[1], Map.copyOf(titles));
    }

    /**
     * {@link #pageStatement}'s binds in the order it binds them: each role's total (path, plan) in the select list,
     * then each role's range (path, plan, offset, size).
     */
    private static List<Object> binds(String path, Long planId, int from, int size) {
        List<Object> pathAndPlan = planId == null ? List.of(path) : List.of(path, planId);
        List<Object> binds = new ArrayList<>();
        List<Object> ranges = new ArrayList<>();
        for (UnitRole role : UnitRole.values()) {
            binds.addAll(pathAndPlan);
            ranges.addAll(pathAndPlan);
            ranges.add((long) from); // jOOQ binds an offset and a limit as longs
            ranges.add((long) size);
        }
        binds.addAll(ranges);
        return binds;
    }

    /**
     * A page's row: a duty by its unit's and group's ids, its ref and shown title as UTF-8 bytes, its plan's title (on
     * the plan's first row, else null) and the totals (on the page's first row, else 0).
     */
    private record PageRow(long taskId, long planId, byte[] ref, byte[] displayTitle, TaskStatus status, long unitId,
                           Long groupId, boolean lead, String planTitle, int leadTotal, int supportingTotal) {
    }

    /**
     * A row of {@link #pageStatement} by column number, in its select list's order, read from the driver as
     * {@link TaskLedger#duty} reads a record (the totals are sums: numeric, null without count rows).
     */
    private static PageRow row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new PageRow(r.getLong(2), r.getLong(3), r.getBytes(4), shownTitle(r.getBytes(5), r.getString(6)),
                TaskStatus.valueOf(r.getString(7)),
                r.getLong(8), RenderedStatements.nullableLong(r, 9), UnitRole.valueOf(r.getString(1)) == UnitRole.LEAD,
                r.getString(10), total(r.getBigDecimal(11)), total(r.getBigDecimal(12)));
    }

    /**
     * A task's title as the list shows it ({@link TaskSummary#titleOrExcerpt}), as UTF-8 bytes: the title's own bytes,
     * undecoded, unless the task's text came with it ({@code untitledText}: V73's {@code task_untitled_text}, the text
     * when the title is blank by Java's own rule, which a test keeps equal to {@link String#isBlank}); then the text's
     * excerpt. A task's text is never null, so a blank title always brings it.
     */
    static byte[] shownTitle(byte[] title, String untitledText) {
        if (untitledText == null && title != null) {
            return title;
        }
        String decoded = title == null ? null : new String(title, StandardCharsets.UTF_8);
        return TaskSummary.titleOrExcerpt(decoded, untitledText).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A page's duties named as the join to the units' and groups' rows named them: the unit's name, the group's
     * id and name (none when the group is gone), from the names the node keeps (one statement for
     * all). The page's statement joined its 200 rows to every unit's row and hashed them all, over a quarter of its
     * PostgreSQL CPU (issue 14). A unit or group the kept names do not know was made since they were read: they are
     * read again, once per page; a unit still unknown then is gone, and its duty left out as the join left it out.
     */
    private final class UnitNaming {

        private KeptUnitNames.Names names = unitNames.names();
        private boolean reread;

        PagedDuty duty(PageRow r) {
            String unit = names.unit(r.unitId());
            String group = r.groupId() == null ? null : names.group(r.groupId());
            if ((unit == null || (r.groupId() != null && group == null)) && !reread) {
                names = unitNames.reread();
                reread = true;
                unit = names.unit(r.unitId());
                group = r.groupId() == null ? null : names.group(r.groupId());
            }
            if (unit == null) {
                return null;
            }
            return new PagedDuty(r.taskId(), r.planId(), r.ref(), r.displayTitle(), r.status(), r.unitId(), unit,
                    group == null ? null : r.groupId(), group, r.lead());
        }
    }

    /**
     * The units leading a duty on an open task of the plan (the matrix's unit filter offers these and their parents):
     * the plan's every-unit rows, a range of the key, where the tasks' own rows walked every task's index entry (0.6-1.1
     * s at 1,000,000 tasks).
     */
    public java.util.Set<Long> leadUnitsOf(long planId) {
        return new java.util.HashSet<>(db.selectDistinct(TASK_OPEN_DUTY.UNIT_ID).from(TASK_OPEN_DUTY)
                .where(TASK_OPEN_DUTY.PATH.eq(EVERY_UNIT).and(TASK_OPEN_DUTY.ROLE.eq(UnitRole.LEAD))
                        .and(TASK_OPEN_DUTY.PLAN_ID.eq(planId)))
                .fetch(TASK_OPEN_DUTY.UNIT_ID));
    }

    /**
     * A page's statement, its path, plan, offset and size bound: rendered with the first page's, given at each
     * execution ({@link #page} lists them in the order they are bound).
     */
    private org.jooq.ResultQuery<?> pageStatement(String path, Long plan, int from, int size) {
        Table<?> d = range(UnitRole.LEAD, path, plan, from, size).unionAll(range(UnitRole.SUPPORTING, path, plan, from, size))
                .asTable("d");
        var role = d.field(TASK_OPEN_DUTY.ROLE);
        var planId = d.field(TASK_OPEN_DUTY.PLAN_ID);
        List<org.jooq.SortField<?>> order = List.of(role.asc(), planId.asc(), d.field(TASK_OPEN_DUTY.TASK_POSITION).asc(),
                d.field(TASK_OPEN_DUTY.TASK_ID).asc(), d.field(TASK_OPEN_DUTY.UNIT_POSITION).asc(),
                d.field(TASK_OPEN_DUTY.UNIT_ID).asc());
        // the plan's title on its first row only (the row before is another plan's, in the page's own order, so one
        // sort serves both): the same title on each of a page's 200 rows was read and decoded 200 times
        Field<Long> before = lag(planId).over(orderBy(order));
        Field<String> planTitle = when(before.isDistinctFrom(planId), PLAN.TITLE).as(PLAN.TITLE);
        // what the page shows of each task is kept on its rows (V73): no probe of task per row; the totals on the
        // page's first row only (the one without a row before it): the driver read and parsed the same two numbers on
        // each of the page's 200 rows
        return db.select(role, d.field(TASK_OPEN_DUTY.TASK_ID), planId, d.field(TASK_OPEN_DUTY.REF),
                        d.field(TASK_OPEN_DUTY.TITLE), d.field(TASK_OPEN_DUTY.UNTITLED_TEXT), d.field(TASK_OPEN_DUTY.STATUS),
                        d.field(TASK_OPEN_DUTY.UNIT_ID), d.field(TASK_OPEN_DUTY.VIA_GROUP_ID), planTitle,
                        when(before.isNull(), field(total(UnitRole.LEAD, path, plan))).as(LEAD_TOTAL),
                        when(before.isNull(), field(total(UnitRole.SUPPORTING, path, plan))).as(SUPPORTING_TOTAL))
                .from(d).join(PLAN).on(PLAN.ID.eq(planId))
                .orderBy(order);
    }

    /** One role's page: a range of the primary key, in its order; path, plan, offset and size bound. */
    private static Select<Record11<UnitRole, Long, Integer, Long, Integer, Long, Long, String, String, String, String>> range(
            UnitRole role, String path, Long plan, int from, int size) {
        return select(TASK_OPEN_DUTY.ROLE, TASK_OPEN_DUTY.PLAN_ID, TASK_OPEN_DUTY.TASK_POSITION, TASK_OPEN_DUTY.TASK_ID,
                TASK_OPEN_DUTY.UNIT_POSITION, TASK_OPEN_DUTY.UNIT_ID, TASK_OPEN_DUTY.VIA_GROUP_ID, TASK_OPEN_DUTY.REF,
                TASK_OPEN_DUTY.TITLE, TASK_OPEN_DUTY.UNTITLED_TEXT, TASK_OPEN_DUTY.STATUS)
                .from(TASK_OPEN_DUTY)
                .where(TASK_OPEN_DUTY.PATH.eq(val(path)).and(TASK_OPEN_DUTY.ROLE.eq(inline(role, TASK_OPEN_DUTY.ROLE)))
                        .and(plan == null ? noCondition() : TASK_OPEN_DUTY.PLAN_ID.eq(val(plan))))
                .orderBy(TASK_OPEN_DUTY.PLAN_ID, TASK_OPEN_DUTY.TASK_POSITION, TASK_OPEN_DUTY.TASK_ID,
                        TASK_OPEN_DUTY.UNIT_POSITION, TASK_OPEN_DUTY.UNIT_ID)
                .offset(from).limit(size);
    }

    /** How many duties of a role the path has (of the plan), from the kept counts; path and plan bound. */
    private static Select<org.jooq.Record1<BigDecimal>> total(UnitRole role, String path, Long plan) {
        return select(sum(TASK_OPEN_DUTY_COUNT.DUTIES)).from(TASK_OPEN_DUTY_COUNT)
                .where(TASK_OPEN_DUTY_COUNT.PATH.eq(val(path))
                        .and(TASK_OPEN_DUTY_COUNT.ROLE.eq(inline(role, TASK_OPEN_DUTY_COUNT.ROLE)))
                        .and(plan == null ? noCondition() : TASK_OPEN_DUTY_COUNT.PLAN_ID.eq(val(plan))));
    }

    /** The totals alone, for a page without rows. */
    private int[] totals(String path, Long planId) {
        int[] totals = new int[2];
        db.select(TASK_OPEN_DUTY_COUNT.ROLE, sum(TASK_OPEN_DUTY_COUNT.DUTIES)).from(TASK_OPEN_DUTY_COUNT)
                .where(TASK_OPEN_DUTY_COUNT.PATH.eq(path)
                        .and(planId == null ? noCondition() : TASK_OPEN_DUTY_COUNT.PLAN_ID.eq(planId)))
                .groupBy(TASK_OPEN_DUTY_COUNT.ROLE)
                .forEach(r -> totals[r.value1() == UnitRole.LEAD ? 0 : 1] = r.value2().intValue());
        return totals;
    }

    private static int total(BigDecimal sum) {
        return sum == null ? 0 : sum.intValue();
    }
}
