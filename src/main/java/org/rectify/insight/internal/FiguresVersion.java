package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.rectify.plans.PlanCreated;
import org.rectify.units.UnitRenamed;
import org.rectify.units.UnitsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.rectify.insight.internal.db.Tables.INSIGHT_VERSION;

/**
 * The version of the facts the dashboard reads ({@code insight_version}): moved once, just before the commit, by every
 * transaction that changes a task, its warning, its reports, its plan's cadence or owner ({@link KeptCountsUpdates}),
 * a plan or the unit tree. It commits or rolls back with the change, so a dashboard kept for a version
 * ({@link KeptDashboards}) is never served after a change it does not show has committed.
 */
@Component
class FiguresVersion {

    private static final Object PENDING = FiguresVersion.class;

    private final DSLContext db;

    FiguresVersion(DSLContext db) {
        this.db = db;
    }

    /** The version now (read before the figures it labels: they show at least every change up to it). */
    long current() {
        return db.select(INSIGHT_VERSION.VERSION).from(INSIGHT_VERSION).where(INSIGHT_VERSION.ID.eq(1)).fetchOne(INSIGHT_VERSION.VERSION);
    }

    /** The facts change in this transaction: the version moves once, as it commits (at once outside a transaction). */
    void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            bump();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(PENDING)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(PENDING, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                bump(); // last: the row stays locked only while the transaction commits
            }

            @Override
            public int getOrder() {
                return LOWEST_PRECEDENCE;
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
        });
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

    private void bump() {
        db.update(INSIGHT_VERSION).set(INSIGHT_VERSION.VERSION, INSIGHT_VERSION.VERSION.plus(1)).where(INSIGHT_VERSION.ID.eq(1)).execute();
    }
}
