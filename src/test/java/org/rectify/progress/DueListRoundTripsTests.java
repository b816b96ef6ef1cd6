package org.rectify.progress;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What PostgreSQL is asked for a page of the due list beyond its statements (issue 14: the county office's due list at
 * p95 ≤ 20 ms): no transaction around them, and its slots statement planned once per connection rather than at each
 * request. The answers themselves are the old path's: DueListOnePassTests.
 */
@IntegrationTest
class DueListRoundTripsTests {

    @Autowired
    ProgressViews views;
    @Autowired
    Units units;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;

    private Caller countyOffice() {
        return new Caller(0, "test", "测试", 0, "测试", Role.OFFICE, Demo.scopes(units).get("linxiang-office"));
    }

    @Test
    void a_page_of_the_due_list_begins_no_transaction_and_joins_a_callers() {
        List<String> begun = new ArrayList<>();
        TransactionExecutionListener listener = new TransactionExecutionListener() {
            @Override
            public void beforeBegin(TransactionExecution transaction) {
                begun.add(transaction.getTransactionName());
            }
        };
        Caller county = countyOffice();
        var manager = (AbstractPlatformTransactionManager) transactions;
        manager.addListener(listener);
        try {
            DuePage page = views.duePage(county, null, null, 0, 100);
            assertThat(page.plans()).as("the county office has items due").isNotEmpty();
            views.due(county, null, null);
            assertThat(begun).as("no transaction begun by the page or its modules (BEGIN and COMMIT)").isEmpty();

            DuePage inside = db.transactionResult(tx -> views.duePage(county, null, null, 0, 100));
            assertThat(begun).as("a caller's transaction is the only one").hasSize(1);
            assertThat(inside.total()).isEqualTo(page.total());
        } finally {
            manager.getTransactionExecutionListeners().remove(listener);
        }
    }

    /**
     * The slots statement's arrays are bound as subqueries' values: after PostgreSQL's five custom plans on a
     * connection it keeps the generic one, where arrays bound plainly were estimated element by element at every
     * execution (a custom plan each time: the plan's estimate with the values looked cheaper).
     */
    @Test
    void the_slots_statement_is_planned_once_per_connection_not_at_each_request() {
        Caller county = countyOffice();
        List<Long[]> plans = db.transactionResult(tx -> { // one connection throughout
            for (int i = 0; i < 8; i++) {
                assertThat(views.duePage(county, null, null, 0, 100).plans()).isNotEmpty();
            }
            return tx.dsl().fetch("select generic_plans, custom_plans from pg_prepared_statements"
                            + " where statement like 'select 0 as \"kind\", \"report_slot\".\"cycle_id\"%'")
                    .map(r -> new Long[]{r.get(0, Long.class), r.get(1, Long.class)});
        });
        assertThat(plans).as("the slots statement, prepared on this connection").singleElement()
                .satisfies(p -> {
                    assertThat(p[0]).as("executions on the generic plan").isGreaterThanOrEqualTo(3L);
                    assertThat(p[1]).as("custom plans, made only before PostgreSQL chose").isLessThanOrEqualTo(5L);
                });
    }
}
