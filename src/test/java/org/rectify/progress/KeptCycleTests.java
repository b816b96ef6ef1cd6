package org.rectify.progress;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.progress.ProgressFixture.content;
import static org.rectify.progress.internal.db.Tables.REPORTING_CADENCE;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A first report's cycle is kept on this node (issue 14: a submission's round trip less), and the report's statement
 * checks that the plan's cadence row is still as read. What another node changes meanwhile (here: SQL behind this
 * node's back, which hears of nothing) is never written past: the report is tried again on the cycle as it is now.
 */
@IntegrationTest
class KeptCycleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    ReportingCycles cycles;

    ProgressFixture plan;
    LocalDate today;

    @BeforeEach
    void plan() throws Exception {
        today = LocalDate.now(clock);
        plan = ProgressFixture.plan(mvc, units, today, false);
    }

    @Test
    void a_report_on_a_kept_cycle_waits_for_the_heads_approval_once_another_node_required_it() throws Exception {
        plan.report(epbStaff(), plan.epbTask(), plan.currentCycle, content("本期进展"), true)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        assertThat(cycles.keptWithApproval(plan.currentCycle, today)).get()
                .satisfies(kept -> assertThat(kept.approvalRequired()).isFalse());

        db.update(REPORTING_CADENCE).set(REPORTING_CADENCE.APPROVAL_REQUIRED, true)
                .where(REPORTING_CADENCE.PLAN_ID.eq(plan.planId)).execute();

        plan.report(epbStaff(), plan.epbTask(), plan.currentCycle, content("本期进展"), true)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"));
        assertThat(cycles.keptWithApproval(plan.currentCycle, today)).get()
                .satisfies(kept -> assertThat(kept.approvalRequired()).isTrue());
    }

    @Test
    void a_report_on_a_kept_cycle_another_node_removed_is_told_the_cycle_is_gone_and_nothing_is_written() throws Exception {
        assertThat(cycles.keptWithApproval(plan.currentCycle, today)).isPresent();
        long task = plan.epbTask();

        db.deleteFrom(REPORTING_CYCLE).where(REPORTING_CYCLE.ID.eq(plan.currentCycle)).execute();

        plan.report(epbStaff(), task, plan.currentCycle, content("本期进展"), true)
                .andExpect(status().isGone());
        assertThat(db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.eq(task))).isZero();
    }
}
