package org.rectify.plans;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.TaskStatus.ASSIGNED;
import static org.rectify.plans.TaskStatus.CLOSED;
import static org.rectify.plans.TaskStatus.DRAFT;
import static org.rectify.plans.TaskStatus.IN_PROGRESS;
import static org.rectify.plans.TaskStatus.REOPENED;

/** A page of the ledger sorted by status is the part of each status it spans, the statuses in their lifecycle order. */
class StatusOrderTests {

    private static final Set<TaskStatus> EVERY = Set.of();

    /** A scope's tasks by status, listed out of lifecycle order on purpose; no task is CLOSURE_REQUESTED. */
    private final StatusOrder scope = new StatusOrder(Map.of(CLOSED, 120L, DRAFT, 3L, IN_PROGRESS, 40L, ASSIGNED, 0L,
            REOPENED, 2L, TaskStatus.CLOSURE_REQUESTED, 0L));

    @Test
    void the_first_page_starts_with_the_first_status_of_the_lifecycle_and_runs_on_into_the_next() {
        assertThat(scope.parts(EVERY, false, 0, 50)).containsExactly(
                new StatusOrder.Part(DRAFT, 0, 3), new StatusOrder.Part(IN_PROGRESS, 0, 40), new StatusOrder.Part(CLOSED, 0, 7));
    }

    @Test
    void a_later_page_starts_inside_a_status_where_the_page_before_it_ended() {
        assertThat(scope.parts(EVERY, false, 50, 50)).containsExactly(new StatusOrder.Part(CLOSED, 7, 50));
        assertThat(scope.parts(EVERY, false, 150, 50)).as("the last page: the rest of CLOSED, then REOPENED")
                .containsExactly(new StatusOrder.Part(CLOSED, 107, 13), new StatusOrder.Part(REOPENED, 0, 2));
    }

    @Test
    void descending_reverses_the_statuses_and_each_part_is_read_from_its_own_start_in_that_order() {
        assertThat(scope.parts(EVERY, true, 0, 50)).containsExactly(
                new StatusOrder.Part(REOPENED, 0, 2), new StatusOrder.Part(CLOSED, 0, 48));
        assertThat(scope.parts(EVERY, true, 150, 50)).containsExactly(
                new StatusOrder.Part(IN_PROGRESS, 28, 12), new StatusOrder.Part(DRAFT, 0, 3));
    }

    @Test
    void only_the_statuses_asked_are_listed_and_counted() {
        assertThat(scope.total(Set.of(DRAFT, CLOSED))).isEqualTo(123);
        assertThat(scope.total(EVERY)).isEqualTo(165);
        assertThat(scope.parts(Set.of(CLOSED, DRAFT), false, 0, 10)).containsExactly(
                new StatusOrder.Part(DRAFT, 0, 3), new StatusOrder.Part(CLOSED, 0, 7));
    }

    @Test
    void a_page_past_the_last_task_has_no_part() {
        assertThat(scope.parts(EVERY, false, 165, 50)).isEmpty();
        assertThat(new StatusOrder(Map.of()).parts(EVERY, false, 0, 50)).isEmpty();
    }
}
