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
}
