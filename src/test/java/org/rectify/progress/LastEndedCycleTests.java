package org.rectify.progress;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;

/**
 * A first report's cycle read says whether the cycle is its plan's last whose grace period ended (progress'
 * {@code ReportingCycles.isLastEnded}), so that the warnings need not ask; supervision asks by its own definition
 * ({@link Warnings#reportCanChange}) for every other submission. The two must name the same cycle: checked here on a
 * plan with cycles ended long ago, just ended, in their grace period, not yet due, and two ending on the same day.
 */
@IntegrationTest
class LastEndedCycleTests {

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
    @Autowired
    Warnings warnings;

    @Test
    void the_cycles_read_and_the_warnings_name_the_same_last_cycle_past_its_grace_period() throws Exception {
        LocalDate today = LocalDate.now(clock);
        ProgressFixture p = ProgressFixture.plan(mvc, units, today, false); // grace ends 43 days ago, due in 10 and 40 days
        assertThat(lastEnded(p.planId, today)).containsExactly(p.pastCycle);

        // a cycle whose grace period ended yesterday is the last one now ...
        long yesterday = cycle(p.planId, today.minusDays(30), today.minusDays(3), today.minusDays(1));
        cycle(p.planId, today.minusDays(20), today.minusDays(2), today); // grace ends today: not yet over
        assertThat(lastEnded(p.planId, today)).containsExactly(yesterday);

        // ... and of two ending the same day, the later one (by id), as the reassessment takes it
        long tie = cycle(p.planId, today.minusDays(25), today.minusDays(2), today.minusDays(1));
        assertThat(tie).isGreaterThan(yesterday);
        assertThat(lastEnded(p.planId, today)).containsExactly(tie);
        // a day later the one whose grace ended today is
        assertThat(lastEnded(p.planId, today.plusDays(1))).hasSize(1).doesNotContain(tie, yesterday);
    }

    /** The plan's cycles that both definitions call the last ended on {@code day}, checked equal cycle by cycle. */
    private List<Long> lastEnded(long planId, LocalDate day) {
        return db.selectFrom(REPORTING_CYCLE).where(REPORTING_CYCLE.PLAN_ID.eq(planId)).orderBy(REPORTING_CYCLE.ID).fetch().stream()
                .filter(c -> {
                    boolean read = cycles.findWithApproval(c.getId(), day).orElseThrow().lastEnded();
                    boolean asked = day.equals(LocalDate.now(clock)) ? warnings.reportCanChange(c.getId(), c.getDueOn())
                            : read; // supervision asks for today only
                    assertThat(read).as("cycle %d due %s grace until %s on %s", c.getId(), c.getDueOn(), c.getGraceUntil(), day)
                            .isEqualTo(asked);
                    return read;
                })
                .map(c -> c.getId()).toList();
    }

    private long cycle(long planId, LocalDate start, LocalDate dueOn, LocalDate graceUntil) {
        return db.insertInto(REPORTING_CYCLE).set(REPORTING_CYCLE.PLAN_ID, planId).set(REPORTING_CYCLE.KIND, "CUSTOM")
                .set(REPORTING_CYCLE.SEQ, 90).set(REPORTING_CYCLE.PERIOD_START, start).set(REPORTING_CYCLE.PERIOD_END, dueOn)
                .set(REPORTING_CYCLE.DUE_ON, dueOn).set(REPORTING_CYCLE.GRACE_UNTIL, graceUntil)
                .returning(REPORTING_CYCLE.ID).fetchSingle().getId();
    }
}
