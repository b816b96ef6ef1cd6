package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.TaskCommand.ASSIGN;
import static org.rectify.plans.TaskCommand.CANCEL;
import static org.rectify.plans.TaskCommand.CLOSE;
import static org.rectify.plans.TaskCommand.REOPEN;
import static org.rectify.plans.TaskCommand.REQUEST_CLOSURE;
import static org.rectify.plans.TaskCommand.START;

class TaskCommandTests {

    private static Caller as(Role role) {
        return new Caller(1, "u", "U", 1, "unit", role, DataScope.ofUnit("/1/"));
    }

    @Test
    void a_draft_can_be_assigned_but_not_started_or_closed() {
        assertThat(ASSIGN.allowedFrom(TaskStatus.DRAFT)).isTrue();
        assertThat(START.allowedFrom(TaskStatus.DRAFT)).isFalse();
        assertThat(CLOSE.allowedFrom(TaskStatus.DRAFT)).isFalse();
    }

    @Test
    void closing_needs_a_closure_request_first() {
        assertThat(CLOSE.allowedFrom(TaskStatus.IN_PROGRESS)).isFalse();
        assertThat(REQUEST_CLOSURE.allowedFrom(TaskStatus.IN_PROGRESS)).isTrue();
        assertThat(CLOSE.allowedFrom(TaskStatus.CLOSURE_REQUESTED)).isTrue();
        assertThat(CLOSE.target()).isEqualTo(TaskStatus.CLOSED);
    }

    @Test
    void a_closed_task_can_only_be_reopened_and_a_cancelled_one_not_at_all() {
        for (TaskCommand c : TaskCommand.values()) {
            assertThat(c.allowedFrom(TaskStatus.CLOSED)).as(c.name()).isEqualTo(c == REOPEN);
            assertThat(c.allowedFrom(TaskStatus.CANCELLED)).as(c.name()).isFalse();
        }
    }

    @Test
    void cancelling_returning_and_reopening_need_a_reason() {
        assertThat(CANCEL.needsReason()).isTrue();
        assertThat(REOPEN.needsReason()).isTrue();
        assertThat(TaskCommand.RETURN_CLOSURE.needsReason()).isTrue();
        assertThat(START.needsReason()).isFalse();
    }

    @Test
    void the_office_may_give_any_command() {
        for (TaskCommand c : TaskCommand.values()) {
            assertThat(TaskCommandPolicy.permits(as(Role.OFFICE), c, false)).isTrue();
        }
    }

    @Test
    void a_lead_units_staff_may_start_and_request_closure_but_not_close() {
        Caller staff = as(Role.UNIT_STAFF);
        assertThat(TaskCommandPolicy.permits(staff, START, true)).isTrue();
        assertThat(TaskCommandPolicy.permits(staff, REQUEST_CLOSURE, true)).isTrue();
        assertThat(TaskCommandPolicy.permits(staff, CLOSE, true)).isFalse();
        assertThat(TaskCommandPolicy.permits(staff, CANCEL, true)).isFalse();
    }

    @Test
    void a_supporting_unit_may_not_move_the_task() {
        assertThat(TaskCommandPolicy.permits(as(Role.UNIT_STAFF), START, false)).isFalse();
    }

    @Test
    void supervisors_and_leaders_give_no_lifecycle_command() {
        for (TaskCommand c : TaskCommand.values()) {
            assertThat(TaskCommandPolicy.permits(as(Role.SUPERVISOR), c, true)).isFalse();
            assertThat(TaskCommandPolicy.permits(as(Role.LEADER), c, true)).isFalse();
        }
    }

    @Test
    void the_buttons_offered_are_the_allowed_and_permitted_commands() {
        assertThat(TaskCommandPolicy.available(as(Role.UNIT_STAFF), TaskStatus.ASSIGNED, true)).containsExactly(START);
        assertThat(TaskCommandPolicy.available(as(Role.OFFICE), TaskStatus.DRAFT, false)).containsExactly(ASSIGN, CANCEL);
    }
}
