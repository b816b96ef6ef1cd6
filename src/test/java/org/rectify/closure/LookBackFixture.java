package org.rectify.closure;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Closed tasks for the look-back tests, and time moved for them. {@link #close} is the ONE way these tests close a
 * task: today the office's one-click CLOSE after the unit's request; when the closure procedure replaces it, only this
 * method changes.
 */
public final class LookBackFixture {

    private LookBackFixture() {
    }

    /** Closes a started task as the office does today: the unit's closure request, then CLOSE. */
    public static void close(MockMvc mvc, long taskId) throws Exception {
        for (String command : List.of("REQUEST_CLOSURE", "CLOSE")) {
            mvc.perform(post("/api/tasks/{id}/transitions", taskId).with(office()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"command\": \"%s\"}".formatted(command))).andExpect(status().isOk());
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
