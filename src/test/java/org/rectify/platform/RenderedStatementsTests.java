package org.rectify.platform;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/** A statement rendered once and run again with other values reads those values, on the embedded database. */
@IntegrationTest
class RenderedStatementsTests {

    @Autowired
    DSLContext db;
    @Autowired
    RenderedStatements statements;

    private record Sum(String test) {
    }

    @Test
    void the_sql_is_rendered_once_per_key_and_each_execution_binds_its_own_values() {
        AtomicInteger built = new AtomicInteger();
        Supplier<Query> sum = () -> {
            built.incrementAndGet();
            return select(val(2L).plus(val(3L)).plus(inline(10L)));
        };
        String first = statements.sqlWithBinds(new Sum("rendered once"), sum, List.of(2L, 3L));
        assertThat(db.resultQuery(first, 2L, 3L).fetchOne(0, Long.class)).isEqualTo(15L);

        String again = statements.sqlWithBinds(new Sum("rendered once"), sum, List.of(40L, 50L));
        assertThat(again).isSameAs(first);
        assertThat(built).hasValue(1);
        assertThat(db.resultQuery(again, 40L, 50L).fetchOne(0, Long.class)).isEqualTo(100L);
    }

    @Test
    void a_statement_that_binds_anything_but_the_values_given_is_refused() {
        // the 10 would be bound as well, and lost at the next execution: it must be inlined when building
        assertThatThrownBy(() -> statements.sqlWithBinds(new Sum("refused"),
                () -> select(val(2L).plus(val(3L)).plus(val(10L))), List.of(2L, 3L)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rows_with_binds_read_from_the_driver_what_jooq_reads_for_each_kind_of_value_and_nulls() {
        Long[] ids = {7L, 11L, 13L};
        List<Object> binds = List.of("甲", 5L, 2, ids);
        String sql = statements.sqlWithBinds(new Sum("driver rows"), () -> select(
                        val("甲").concat(inline("乙")), val(5L).plus(inline(1L)), val(2).plus(inline(1)),
                        org.jooq.impl.DSL.field("cardinality({0})", Integer.class, val(ids)),
                        org.jooq.impl.DSL.castNull(Long.class), org.jooq.impl.DSL.castNull(Integer.class)),
                binds);
        record Row(String text, long number, int small, int ids, Long noLong, Integer noInt) {
        }
        List<Row> rows = statements.rows(sql, binds, r -> new Row(r.getString(1), r.getLong(2), r.getInt(3), r.getInt(4),
                RenderedStatements.nullableLong(r, 5), RenderedStatements.nullableInt(r, 6)));
        assertThat(rows).containsExactly(new Row("甲乙", 6L, 3, 3, null, null));
        var jooq = db.resultQuery(sql, binds.toArray()).fetchOne();
        assertThat(List.of(jooq.get(0, String.class), jooq.get(1, Long.class), jooq.get(2, Integer.class), jooq.get(3, Integer.class)))
                .containsExactly("甲乙", 6L, 3, 3);

        List<Object> other = List.of("丙", 40L, 7, new Long[]{1L});
        assertThat(statements.rows(statements.sqlWithBinds(new Sum("driver rows"), () -> null, other), other,
                r -> r.getString(1) + "/" + r.getLong(2) + "/" + r.getInt(3) + "/" + r.getInt(4)))
                .containsExactly("丙乙/41/8/1");
    }

    /**
     * A kept statement is prepared on the server at its first execution on a connection, not after the driver's
     * default of five (each of which parsed and planned it again), and later executions run that prepared statement:
     * PostgreSQL's own list of the connection's prepared statements names it, with its plan made once.
     */
    @Test
    void a_kept_statement_is_prepared_on_the_server_at_its_first_execution_and_planned_once() {
        String sql = statements.sql(List.of("prepared once", System.nanoTime()),
                () -> select(inline("已准备").concat(inline(System.nanoTime()).cast(String.class))));
        Long[] one = {1L}; // the same array: the binds are compared with the statement's own
        String arrayStatement = statements.sqlWithBinds(List.of("prepared once, bound", System.nanoTime()),
                () -> select(org.jooq.impl.DSL.field("cardinality({0})", Integer.class, val(one))),
                java.util.Collections.<Object>singletonList(one));
        db.transaction(tx -> { // one connection throughout
            assertThat(statements.rows(sql, r -> r.getString(1))).singleElement().asString().startsWith("已准备");
            assertThat(prepared(tx.dsl(), sql)).as("prepared at the first execution").containsExactly(1L);
            statements.rows(sql, r -> r.getString(1));
            statements.rows(sql, r -> r.getString(1));
            assertThat(prepared(tx.dsl(), sql)).as("the same prepared statement and its one plan, used three times")
                    .containsExactly(3L);
            List<Object> binds = java.util.Collections.singletonList(new Long[]{4L, 5L}); // one value: the array
            assertThat(statements.rows(arrayStatement, binds, r -> r.getInt(1))).containsExactly(2);
            assertThat(prepared(tx.dsl(), arrayStatement.replace("?", "$1"))).as("a statement with binds too").hasSize(1);
        });
    }

    /**
     * How many times each prepared statement of this text on this connection ran its generic plan (a statement without
     * parameters has no other), one number per prepared statement; none when the statement was not prepared.
     */
    private static List<Long> prepared(DSLContext db, String sql) {
        return db.fetch("select generic_plans + custom_plans from pg_prepared_statements where statement = {0}", sql)
                .getValues(0, Long.class);
    }

    @Test
    void a_bind_value_of_another_kind_is_refused_before_the_statement_runs() {
        assertThatThrownBy(() -> statements.rows("select ?", List.of(1.5), r -> r.getString(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
