package org.rectify.progress;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
    @Autowired
    DataSource dataSource;

    private static final String SLOTS = "select 0 as \"kind\", \"report_slot\".\"cycle_id\"";
    private static final String DUTIES_PAGE = "select \"d\".\"role\", \"d\".\"task_id\"";

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

    /**
     * The duties' page statement binds its offset and size, which a generic plan cannot see: PostgreSQL counts a bound
     * LIMIT as a tenth of the rows it estimates, and at a million tasks (a county's path, ~3,600 duties) the plans for
     * each page's values looked cheaper, so every page was planned again (0.44 ms of it, issue 14). Outside a
     * transaction it is sent with a setting for itself alone: on the generic plan even on a connection whose own
     * setting asks for a plan per execution (as PostgreSQL's own choice did at a million tasks), and that setting is the
     * connection's again after it. In a caller's transaction the statement is left to PostgreSQL's choice.
     */
    @Test
    void the_duties_page_runs_on_its_generic_plan_and_leaves_the_connections_own_setting_as_it_was() throws SQLException {
        Caller county = countyOffice();
        try (Connection connection = dataSource.getConnection()) {
            // every statement of the test on this connection, each in a transaction of its own (autocommit)
            TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
            try {
                db.execute("set plan_cache_mode = force_custom_plan");
                dueEightTimes(county);
                long[] before = plans(db, DUTIES_PAGE);
                dueEightTimes(county);
                long[] after = plans(db, DUTIES_PAGE);
                assertThat(after[0] - before[0]).as("of eight executions, those on the generic plan").isEqualTo(8L);
                assertThat(after[1] - before[1]).as("of eight executions, those planned again").isZero();
                assertThat(db.fetchValue("select current_setting('plan_cache_mode')")).isEqualTo("force_custom_plan");

                long[] inside = db.transactionResult(tx -> {
                    dueEightTimes(county);
                    return plans(tx.dsl(), DUTIES_PAGE);
                });
                assertThat(inside[1] - after[1]).as("in a caller's transaction: the connection's setting").isEqualTo(8L);
            } finally {
                db.execute("reset plan_cache_mode");
                TransactionSynchronizationManager.unbindResource(dataSource);
            }
        }
    }

    private void dueEightTimes(Caller caller) {
        for (int i = 0; i < 8; i++) {
            assertThat(views.duePage(caller, null, null, 0, 100).plans()).isNotEmpty();
        }
    }

    /** Generic and custom plans of the slots statement prepared on this connection. */
    private static long[] slotsPlans(DSLContext connection) {
        return plans(connection, SLOTS);
    }

    /**
     * Generic and custom plans of the statement whose text begins so, prepared on this connection (the driver prepares
     * it once alone and once after the setting that sends it on its generic plan: both counted).
     */
    private static long[] plans(DSLContext connection, String begins) {
        var prepared = connection.fetchOne("select sum(generic_plans)::int8, sum(custom_plans)::int8 from pg_prepared_statements"
                + " where statement like ? || '%'", begins);
        assertThat(prepared.get(0)).as("the statement, prepared on this connection: " + begins).isNotNull();
        return new long[]{prepared.get(0, Long.class), prepared.get(1, Long.class)};
    }
}
