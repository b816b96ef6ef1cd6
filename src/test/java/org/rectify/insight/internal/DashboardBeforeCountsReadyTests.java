package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskFigureConditions;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.RenderedStatements;
import org.rectify.progress.DueReports;
import org.rectify.progress.ObligationRecords;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up (issue 14): the dashboard's kept counts are checked, and rebuilt if missing or wrong, only after the web server
 * opens. A dashboard asked for in the meantime is counted live, and is the same dashboard the kept counts give.
 */
@IntegrationTest
class DashboardBeforeCountsReadyTests {

    @Autowired
    DSLContext db;
    @Autowired
    TallySource source;
    @Autowired
    KeptSumsRecount recount;
    @Autowired
    RenderedStatements statements;
    @Autowired
    TaskFigureConditions conditions;
    @Autowired
    TaskLedger ledger;
    @Autowired
    DueReports dueReports;
    @Autowired
    ObligationRecords obligationRecords;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    Figures figures;
    @Autowired
    CountedFigures counted;

    @Test
    void a_dashboard_asked_for_before_the_counts_are_ready_is_the_one_the_counts_give_in_every_scope() {
        KeptCounts notYet = new KeptCounts(db, source, recount, statements); // as a node's counts are at a start
        CountedFigures countedAtStart = new CountedFigures(db, conditions, units, notYet);
        Figures atStart = new Figures(db, ledger, conditions, dueReports, obligationRecords, units, countedAtStart, clock);

        Unit city = units.get(units.resolve("临沧市").orElseThrow().id());
        Unit linxiang = units.get(units.resolve("临翔区").orElseThrow().id());
        Unit epb = units.get(units.resolve("市环境保护局").orElseThrow().id());
        Long plan = db.select(org.rectify.insight.internal.db.Tables.INSIGHT_TASK.PLAN_ID)
                .from(org.rectify.insight.internal.db.Tables.INSIGHT_TASK).limit(1).fetchOne(0, Long.class);
        int kept = 0;
        for (DataScope scope : List.of(DataScope.ALL, DataScope.ofJurisdiction(city.path()),
                DataScope.ofJurisdiction(linxiang.path()), DataScope.ofUnit(epb.path()))) {
            for (Long planId : Arrays.asList(null, plan)) {
                InsightFilter filter = new InsightFilter(planId, null, null, null, null);
                assertThat(countedAtStart.key(filter, scope)).as("counted live before the counts are ready").isEmpty();
                kept += counted.key(filter, scope).isPresent() ? 1 : 0;
                assertThat(atStart.dashboard(filter, scope, null)).as("%s, plan %s", scope, planId)
                        .isEqualTo(figures.dashboard(filter, scope, null));
            }
        }
        assertThat(kept).as("dashboards the ready counts answer (so the comparison is live against kept)").isPositive();
    }
}
