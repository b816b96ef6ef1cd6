package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Sequence;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.rectify.plans.PlanCreated;
import org.rectify.platform.CommittedConnection;
import org.rectify.platform.TransactionLocal;
import org.rectify.units.UnitRenamed;
import org.rectify.units.UnitsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

/**
 * The version of the facts the dashboard reads (the sequence {@code insight_version}, V43): moved once, right after the
 * commit, by every transaction of the kept counts' applier that applied a change of tasks, their warnings, reports,
 * plans' cadence or owner ({@link KeptCountsUpdates}), and of a command that changes a plan or the unit tree. After the commit, so a reader that sees the new version sees the
 * change too; a sequence, so no write waits for another's commit. A dashboard kept for a version ({@link KeptDashboards})
 * is therefore served after a change only in the moment between its commit and this step.
 */
@Component
class FiguresVersion {

    private static final Logger log = LoggerFactory.getLogger(FiguresVersion.class);
    private static final Sequence<Long> VERSION = DSL.sequence(DSL.name("insight_version"), Long.class);
    // a sequence's relation has one row; its last value is what the latest nextval returned, on any connection
    private static final Table<?> VERSION_ROW = DSL.table(DSL.name("insight_version"));
    private static final Field<Long> LAST_VALUE = DSL.field(DSL.name("last_value"), Long.class);

    private final DSLContext db;
    private final DataSource dataSource;
    private final TransactionLocal<Object> moving = TransactionLocal.afterCommit(Object::new, moving -> moveOnCommittedConnection());

    FiguresVersion(DSLContext db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** The version now (read before the figures it labels: they show at least every change up to it). */
    long current() {
        return db.select(LAST_VALUE).from(VERSION_ROW).fetchOne(LAST_VALUE);
    }

    /** The facts change in this transaction: the version moves once, after it commits (at once outside a transaction). */
    void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            db.select(VERSION.nextval()).fetch();
            return;
        }
        moving.get();
    }

    @EventListener
    void on(UnitsChanged event) {
        changed();
    }

    @EventListener
    void on(UnitRenamed event) {
        changed();
    }

    @EventListener
    void on(PlanCreated event) {
        changed();
    }

    private void moveOnCommittedConnection() {
        // if it fails, the next change moves it; until then a dashboard kept from before this change may be served
        // one statement, no transaction of its own: a sequence moves outside transactions anyway
        CommittedConnection.runAlone(dataSource, tx -> tx.select(VERSION.nextval()).fetch(), log,
                "insight: moving the figures' version failed");
    }
}
