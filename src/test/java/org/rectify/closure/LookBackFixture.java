package org.rectify.closure;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Closed tasks for the look-back tests, and time moved for them: {@link #closeThroughTheProcedure} walks the closure
 * procedure (销号) as its users do; {@link #close} takes only its steps on the task, for tests about look-backs alone.
 */
public final class LookBackFixture {

    private LookBackFixture() {
    }

    /**
     * Closes a started task of 市环境保护局 in a plan with the default closure rules (one deadline, five conditions)
     * through the whole procedure: the unit applies with a file, the office names the acceptance unit (the city), the
     * city verifies on site and the office approves; the notice period then runs out and the office closes.
     */
    public static void closeThroughTheProcedure(MockMvc mvc, JdbcTemplate jdbc, long taskId) throws Exception {
        ClosureFlow flow = new ClosureFlow(mvc);
        long closure = flow.applied(org.rectify.DemoLogins.epbStaff(), taskId, 6);
        flow.assign(office(), closure, null, true).andExpect(status().isOk());
        flow.verify(office(), closure, true, null).andExpect(status().isOk());
        flow.approve(office(), closure).andExpect(status().isOk());
        jdbc.update("update closure set notice_from = current_date - 10, notice_until = current_date - 1 where id = ?", closure);
        flow.close(office(), closure).andExpect(status().isOk());
    }

    /**
     * Closes a started task: the closure procedure's application and closing steps taken through plans' API (the
     * procedure itself is walked in ClosureProcedureTests; here only a closed task matters).
     */
    public static void close(MockMvc mvc, long taskId) {
        for (String step : List.of("REQUEST_CLOSURE", "CLOSE")) {
            org.rectify.TestTasks.closureStep(mvc, taskId, step);
        }
    }

    /**
     * Moves the task's past {@code months} back, as if that much time had passed since: its history (the closing's
     * date) and its look-backs' closing and due dates. The application's clock is the real one; its data moves.
     */
    public static void monthsPass(JdbcTemplate jdbc, long taskId, int months) {
        jdbc.update("update task_history set occurred_at = occurred_at - make_interval(months => ?) where task_id = ?", months, taskId);
        jdbc.update("update look_back set closed_on = closed_on - make_interval(months => ?), "
                + "due_on = due_on - make_interval(months => ?) where task_id = ?", months, months, taskId);
    }
}
