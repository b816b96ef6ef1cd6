package org.rectify.closure;

import org.junit.jupiter.api.Test;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.closure.ClosureCommand.APPROVE;
import static org.rectify.closure.ClosureCommand.CLOSE;
import static org.rectify.closure.ClosureCommand.FAIL_VERIFICATION;
import static org.rectify.closure.ClosureCommand.PASS_VERIFICATION;
import static org.rectify.closure.ClosureCommand.RETURN;
import static org.rectify.closure.ClosureCommand.UPHOLD_OBJECTION;

/** The closure table and who may take its steps, without Spring. */
class ClosureCommandTests {

    private static final ClosurePolicy.Standing LEADS = new ClosurePolicy.Standing(true, false, false);
    private static final ClosurePolicy.Standing GOVERNS = new ClosurePolicy.Standing(false, true, false);
    private static final ClosurePolicy.Standing VERIFIES = new ClosurePolicy.Standing(false, false, true);

    @Test
    void no_step_leads_out_of_an_ended_attempt_and_closing_needs_the_notice() {
        for (ClosureCommand c : ClosureCommand.values()) {
            for (ClosureStage ended : new ClosureStage[]{ClosureStage.CLOSED, ClosureStage.CONFIRMED, ClosureStage.RETURNED}) {
                assertThat(c.allowedFrom(ended)).as(c + " from " + ended).isFalse();
            }
        }
        assertThat(CLOSE.refusedFrom()).doesNotContain(ClosureStage.UNDER_NOTICE).hasSize(ClosureStage.values().length - 1);
        assertThat(ClosureCommand.values()).filteredOn(c -> c.target(ClosureKind.CLOSURE) == ClosureStage.CLOSED).containsExactly(CLOSE);
    }

    @Test
    void an_ongoing_tasks_confirmation_ends_at_approval_and_is_never_published() {
        assertThat(APPROVE.target(ClosureKind.STAGE_CONFIRMATION)).isEqualTo(ClosureStage.CONFIRMED);
        assertThat(APPROVE.target(ClosureKind.CLOSURE)).isEqualTo(ClosureStage.UNDER_NOTICE);
        assertThat(UPHOLD_OBJECTION.target(ClosureKind.CLOSURE)).isEqualTo(ClosureStage.UNDER_VERIFICATION);
        assertThat(FAIL_VERIFICATION.target(ClosureKind.CLOSURE)).isEqualTo(ClosureStage.RETURNED);
    }

    @Test
    void only_the_acceptance_unit_verifies_only_the_office_closes_and_a_leader_approves_where_the_plan_says() {
        Caller staff = caller(Role.UNIT_STAFF);
        Caller office = caller(Role.OFFICE);
        Caller leader = caller(Role.LEADER);
        assertThat(ClosurePolicy.mayApply(staff, LEADS)).isTrue();
        assertThat(ClosurePolicy.mayApply(office, GOVERNS)).isFalse();
        assertThat(ClosurePolicy.permits(staff, PASS_VERIFICATION, LEADS, ClosureApprover.OFFICE)).isFalse();
        assertThat(ClosurePolicy.permits(staff, PASS_VERIFICATION, VERIFIES, ClosureApprover.OFFICE)).isTrue();
        assertThat(ClosurePolicy.permits(office, PASS_VERIFICATION, GOVERNS, ClosureApprover.OFFICE)).isFalse();
        assertThat(ClosurePolicy.permits(staff, CLOSE, LEADS, ClosureApprover.OFFICE)).isFalse();
        assertThat(ClosurePolicy.permits(office, CLOSE, GOVERNS, ClosureApprover.OFFICE)).isTrue();
        assertThat(ClosurePolicy.permits(office, CLOSE, LEADS, ClosureApprover.OFFICE)).as("an office of another plan").isFalse();
        assertThat(ClosurePolicy.permits(office, APPROVE, GOVERNS, ClosureApprover.LEADER)).isFalse();
        assertThat(ClosurePolicy.permits(leader, APPROVE, GOVERNS, ClosureApprover.LEADER)).isTrue();
        assertThat(ClosurePolicy.permits(leader, APPROVE, GOVERNS, ClosureApprover.OFFICE)).isFalse();
        assertThat(ClosurePolicy.permits(caller(Role.UNIT_HEAD), RETURN, LEADS, ClosureApprover.OFFICE)).isTrue();
        assertThat(ClosurePolicy.headMayReturn(ClosureStage.UNDER_NOTICE)).isFalse();
    }

    @Test
    void the_unit_head_may_send_back_only_before_sign_off_and_the_page_offers_the_same_steps() {
        Caller head = caller(Role.UNIT_HEAD);
        assertThat(ClosurePolicy.mayTake(head, RETURN, ClosureStage.SIGN_OFF_PENDING, LEADS, ClosureApprover.OFFICE)).isTrue();
        assertThat(ClosurePolicy.mayTake(head, RETURN, ClosureStage.APPLIED, LEADS, ClosureApprover.OFFICE)).isFalse();
        assertThat(ClosurePolicy.steps(head, ClosureStage.SIGN_OFF_PENDING, LEADS, ClosureApprover.OFFICE))
                .containsExactlyInAnyOrder(ClosureCommand.SIGN_OFF, RETURN);
        assertThat(ClosurePolicy.steps(head, ClosureStage.APPLIED, LEADS, ClosureApprover.OFFICE)).isEmpty();
        assertThat(ClosurePolicy.steps(caller(Role.OFFICE), ClosureStage.UNDER_NOTICE, GOVERNS, ClosureApprover.OFFICE))
                .containsExactlyInAnyOrder(UPHOLD_OBJECTION, CLOSE, RETURN);
    }

    private static Caller caller(Role role) {
        return new Caller(1, "u", "某人", 1, "某单位", role, DataScope.ofUnit("/1/"));
    }
}
