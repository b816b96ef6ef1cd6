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
     * The slots statement's arrays are bound as subqueries' values: once PostgreSQL has made its five custom plans on a
     * connection it runs the generic one, where arrays bound plainly were estimated element by element at every
     * execution (a custom plan each time: the plan's estimate with the values looked cheaper). The connection may have
     * run the statement for other tests before, and PostgreSQL weighs its choice again at each execution, so what is
     * counted is the eight executions after eight to warm it: nearly all on the generic plan.
     */
    @Test
    void the_slots_statement_is_planned_once_per_connection_not_at_each_request() {
        Caller county = countyOffice();
        long[] counted = db.transactionResult(tx -> { // one connection throughout
            dueEightTimes(county);
            long[] before = slotsPlans(tx.dsl());
            dueEightTimes(county);
            long[] after = slotsPlans(tx.dsl());
            return new long[]{after[0] - before[0], after[1] - before[1]};
        });
        assertThat(counted[0]).as("of eight executions, those on the generic plan").isGreaterThanOrEqualTo(7L);
        assertThat(counted[1]).as("of eight executions, those planned again").isLessThanOrEqualTo(1L);
    }

    private void dueEightTimes(Caller caller) {
        for (int i = 0; i < 8; i++) {
            assertThat(views.duePage(caller, null, null, 0, 100).plans()).isNotEmpty();
        }
    }

    /** Generic and custom plans of the slots statement prepared on this connection. */
    private static long[] slotsPlans(DSLContext connection) {
        var prepared = connection.fetch("select generic_plans, custom_plans from pg_prepared_statements"
                + " where statement like 'select 0 as \"kind\", \"report_slot\".\"cycle_id\"%'");
        assertThat(prepared).as("the slots statement, prepared on this connection").hasSize(1);
        return new long[]{prepared.get(0).get(0, Long.class), prepared.get(0).get(1, Long.class)};
    }
}
