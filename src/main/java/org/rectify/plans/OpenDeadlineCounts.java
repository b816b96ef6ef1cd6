package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.rectify.access.DataScope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DEADLINE_COUNT;

/**
 * How many open tasks a subtree has in a deadline range, read from the counts the database keeps by deadline (migration
 * V68, counted from V45's open reach in the transaction that changes a task): exact, and a sum of a few dozen rows
 * whatever the size of the province (issue 14). Q2, "open and overdue in one city", counted up to 2,001 of the city's
 * rows on each page, and a larger city's total in full once per 30 s and after any change on the node, shown as
 * "about". Answers a filter of every open status (the ledger's "open") with a deadline range or none, in a subtree that
 * V45 reads as one range ({@link OpenReachRange}: a scope below the province, a lead unit, or a lead unit inside the
 * scope), whatever its sort; any other filter is counted by {@link LedgerCounts}.
 */
final class OpenDeadlineCounts {

    private OpenDeadlineCounts() {
    }

    /**
     * The filter's exact total as a column for the page's own statement, when the kept counts answer it (built when the
     * statement is rendered: the decision is made at every request, the statement once per shape).
     */
    static Optional<Supplier<Field<Long>>> total(LedgerFilter filter, DataScope scope, Optional<String> leadPath) {
        if (!OpenReachRange.OPEN.equals(filter.statuses())) {
            return Optional.empty();
        }
        // the set, whatever its order: V45's range is read in deadline order, the count needs only its rows
        LedgerFilter set = filter.withPage(0).withSort(LedgerFilter.Sort.DEADLINE, false);
        return OpenReachRange.of(set, scope, leadPath)
                .filter(range -> range.rest(set).asksNothing())
                .map(range -> () -> total(range, filter.deadlineFrom(), filter.deadlineTo()));
    }

    /** The range's open tasks due from {@code first} to {@code last} (inclusive; null: unbounded) from the kept rows. */
    private static Field<Long> total(OpenReachRange range, LocalDate first, LocalDate last) {
        Select<Record1<Integer>> rows = null;
        for (DeadlineBuckets.Range buckets : DeadlineBuckets.of(first, last)) {
            // one index range per grain (a union, not an OR of them: each branch reads its own rows only)
            SelectConditionStep<Record1<Integer>> branch = select(TASK_OPEN_DEADLINE_COUNT.TASKS).from(TASK_OPEN_DEADLINE_COUNT)
                    .where(TASK_OPEN_DEADLINE_COUNT.PATH.eq(inline(range.path()))
                            .and(TASK_OPEN_DEADLINE_COUNT.REACH.eq(inline(range.reach().name())))
                            .and(TASK_OPEN_DEADLINE_COUNT.GRAIN.eq(inline(buckets.grain().name())))
                            .and(bounds(buckets)));
            rows = rows == null ? branch : rows.unionAll(branch);
        }
        if (rows == null) { // an empty range (from after to)
            return inline(0L);
        }
        Field<Integer> tasks = field(name("kept", TASK_OPEN_DEADLINE_COUNT.TASKS.getName()), Integer.class);
        return field(select(coalesce(sum(tasks), inline(BigDecimal.ZERO))).from(rows.asTable("kept"))).cast(Long.class);
    }

    private static Condition bounds(DeadlineBuckets.Range buckets) {
        Condition c = noCondition();
        if (buckets.from() != null) {
            c = c.and(TASK_OPEN_DEADLINE_COUNT.BUCKET.ge(inline(buckets.from())));
        }
        if (buckets.to() != null) {
            c = c.and(TASK_OPEN_DEADLINE_COUNT.BUCKET.lt(inline(buckets.to())));
        }
        return c;
    }
}
