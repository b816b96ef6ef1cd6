package org.rectify.progress;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.UnitRole;
import org.rectify.units.UnitPaths;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK_UNIT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * The matrix reads a page of tasks along the plan's position index and counts its rows apart (kept when large),
 * instead of numbering every task of the filter with a window count on each page: every page and the number of rows
 * are those of the old statement, for the whole plan (the office running it), a county's units and a department's,
 * in every cycle and for every state a cell can be filtered by.
 */
@IntegrationTest
class MatrixPagesTests {

    @Autowired
    DSLContext db;
    @Autowired
    ReportingCycles cycles;
    @Autowired
    Units units;
    @Autowired
    Clock clock;

    private Map<String, String> unitPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("office running the plan", null);
        paths.put("county office", Demo.unitPath(units, "临翔区"));
        paths.put("department staff", Demo.unitPath(units, "市环境保护局"));
        return paths;
    }

    /** The old page: every task of the filter numbered by a window count, then the page cut from it. */
    private List<Long> oldPage(MatrixQueries.Scope s, ReportState state, int offset, int limit, int[] total) {
        var cell = PLANS_TASK_UNIT.TASK_ID.eq(PLANS_TASK.ID).and(PLANS_TASK_UNIT.ROLE.eq(UnitRole.LEAD));
        if (s.unitPath() != null) {
            cell = cell.and(UnitPaths.within(UNITS_DIRECTORY.PATH, s.unitPath()));
        }
        if (state != null) {
            var stored = REPORT_SLOT.STATE.cast(String.class);
            var seen = s.pastGrace()
                    ? DSL.when(REPORT_SLOT.STATE.in(DSL.inline(ReportState.SUBMITTED, REPORT_SLOT.STATE.getDataType()),
                    DSL.inline(ReportState.RETURNED, REPORT_SLOT.STATE.getDataType())), stored).otherwise(DSL.inline("LATE"))
                    : DSL.coalesce(stored, DSL.inline("MISSING"));
            cell = cell.and(seen.eq(state.name()));
        }
        var tasks = PLANS_TASK.PLAN_ID.eq(s.planId()).and(PLANS_TASK.STATUS.in(s.statuses()));
        if (s.unitPath() != null) {
            tasks = tasks.and(TaskConditions.PUBLISHED.ledFrom(s.unitPath()));
        }
        var count = DSL.count().over().as("total");
        var rows = db.select(PLANS_TASK.ID, count).from(PLANS_TASK).where(tasks)
                .andExists(DSL.selectOne().from(PLANS_TASK_UNIT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLANS_TASK_UNIT.UNIT_ID))
                        .leftJoin(REPORT_SLOT).on(REPORT_SLOT.CYCLE_ID.eq(s.cycle().id())
                                .and(REPORT_SLOT.TASK_ID.eq(PLANS_TASK_UNIT.TASK_ID)).and(REPORT_SLOT.UNIT_ID.eq(PLANS_TASK_UNIT.UNIT_ID)))
                        .where(cell))
                .orderBy(PLANS_TASK.POSITION, PLANS_TASK.ID).offset(offset).limit(limit).fetch();
        total[0] = rows.isEmpty() ? total[0] : rows.get(0).get(count);
        return rows.map(r -> r.get(PLANS_TASK.ID));
    }

    @Test
    void every_page_and_the_number_of_rows_are_the_old_statements_for_the_plan_a_county_and_a_department() {
        MatrixQueries queries = new MatrixQueries(db);
        // the plan with the most tasks among those with reporting cycles (other tests may add plans without a cadence)
        long planId = db.select(PLANS_TASK.PLAN_ID).from(PLANS_TASK).groupBy(PLANS_TASK.PLAN_ID)
                .orderBy(DSL.count().desc(), PLANS_TASK.PLAN_ID).fetch(PLANS_TASK.PLAN_ID).stream()
                .filter(id -> !cycles.cycles(id).isEmpty()).findFirst().orElseThrow();
        List<ReportState> states = new ArrayList<>(Arrays.asList(ReportState.values()));
        states.add(null);
        int pagesCompared = 0;
        for (var role : unitPaths().entrySet()) {
            for (ReportingCycle cycle : cycles.cycles(planId)) {
                MatrixQueries.Scope scope = new MatrixQueries.Scope(planId,
                        ReportingCycles.REPORTING.stream().map(Enum::name).toList(), null, role.getValue(), cycle,
                        cycles.today(), clock.getZone());
                for (ReportState state : states) {
                    long total = db.fetchCount(queries.rows(scope, state));
                    int[] oldTotal = {0};
                    List<Long> seen = new ArrayList<>();
                    for (int offset = 0; offset < Math.max(total, 1); offset += 3) {
                        List<Long> page = queries.page(scope, state, offset, 3).stream().map(MatrixQueries.TaskRow::taskId).toList();
                        assertThat(page).as("%s, cycle %d, %s, offset %d", role.getKey(), cycle.id(), state, offset)
                                .isEqualTo(oldPage(scope, state, offset, 3, oldTotal));
                        seen.addAll(page);
                        pagesCompared++;
                    }
                    assertThat(total).as("%s, cycle %d, %s: rows", role.getKey(), cycle.id(), state)
                            .isEqualTo(oldTotal[0]).isEqualTo(seen.size());
                }
            }
        }
        assertThat(pagesCompared).isGreaterThan(20);
    }
}
