package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.rectify.progress.ReportLifecycle.Refusal;
import org.rectify.progress.ReportLifecycle.Situation;
import org.rectify.progress.ReportLifecycle.Version;
import org.rectify.progress.ReportLifecycle.Who;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.progress.ReportLifecycle.APPROVE;
import static org.rectify.progress.ReportLifecycle.CONTRIBUTE;
import static org.rectify.progress.ReportLifecycle.CREATE;
import static org.rectify.progress.ReportLifecycle.NEW_VERSION;
import static org.rectify.progress.ReportLifecycle.RETURN_TO_UNIT;
import static org.rectify.progress.ReportLifecycle.SAVE;
import static org.rectify.progress.ReportLifecycle.SEND_BACK;
import static org.rectify.progress.ReportLifecycle.SUBMIT;
import static org.rectify.progress.VersionStatus.AWAITING_APPROVAL;
import static org.rectify.progress.VersionStatus.DRAFT;
import static org.rectify.progress.VersionStatus.SUBMITTED;

/** The report lifecycle table on its own: no Spring, no database. */
class ReportLifecycleTests {

    private static final Who OTHER_UNITS_STAFF = new Who(true, false, false, false, false);
    private static final Who OTHER_UNITS_HEAD = new Who(true, true, false, false, false);
    private static final Who SUPPORTING_STAFF = new Who(true, false, false, false, true);

    /** The latest version, counting as submitted when it is, not returned. */
    private static Version latest(VersionStatus status) {
        return new Version(status, true, status == SUBMITTED, false);
    }

    private static Situation as(Who who, Version version) {
        return new Situation(who, true, false, version);
    }

    /** Someone each command's giver allows: the unit's head writes, approves and sends back too. */
    private static Who giverOf(ReportLifecycle command) {
        return switch (command.giver()) {
            case WRITER, HEAD -> Who.HEAD_OF_UNIT;
            case OFFICE -> Who.THE_OFFICE;
            case SUPPORTER -> SUPPORTING_STAFF;
        };
    }

    @Test
    void every_command_is_allowed_exactly_in_the_states_of_the_table() {
        Map<ReportLifecycle, Set<VersionStatus>> table = new EnumMap<>(ReportLifecycle.class);
        table.put(CREATE, Set.of());
        table.put(SAVE, EnumSet.of(DRAFT));
        table.put(SUBMIT, EnumSet.of(DRAFT));
        table.put(APPROVE, EnumSet.of(AWAITING_APPROVAL));
        table.put(SEND_BACK, EnumSet.of(AWAITING_APPROVAL));
        table.put(RETURN_TO_UNIT, EnumSet.of(SUBMITTED));
        table.put(NEW_VERSION, EnumSet.of(SUBMITTED));
        table.put(CONTRIBUTE, EnumSet.allOf(VersionStatus.class));
        for (ReportLifecycle command : ReportLifecycle.values()) {
            for (VersionStatus status : VersionStatus.values()) {
                assertThat(command.allows(as(giverOf(command), latest(status))))
                        .as(command + " on a " + status + " version").isEqualTo(table.get(command).contains(status));
            }
            assertThat(command.allows(as(giverOf(command), null))).as(command + " before any report")
                    .isEqualTo(command == CREATE || command == CONTRIBUTE);
        }
    }

    @Test
    void a_refused_state_says_why_in_the_words_of_the_command() {
        assertThat(SAVE.refusal(as(Who.STAFF, latest(SUBMITTED)))).contains(Refusal.NOT_EDITABLE);
        assertThat(SUBMIT.refusal(as(Who.STAFF, latest(AWAITING_APPROVAL)))).contains(Refusal.NOT_EDITABLE);
        assertThat(APPROVE.refusal(as(Who.HEAD_OF_UNIT, latest(DRAFT)))).contains(Refusal.NOT_AWAITING_APPROVAL);
        assertThat(SEND_BACK.refusal(as(Who.HEAD_OF_UNIT, latest(SUBMITTED)))).contains(Refusal.NOT_AWAITING_APPROVAL);
        assertThat(RETURN_TO_UNIT.refusal(as(Who.THE_OFFICE, latest(DRAFT)))).contains(Refusal.NOT_RETURNABLE);
        assertThat(NEW_VERSION.refusal(as(Who.STAFF, latest(DRAFT)))).contains(Refusal.VERSION_OPEN);
        assertThat(CREATE.refusal(as(Who.STAFF, latest(DRAFT)))).contains(Refusal.ALREADY_REPORTED);
    }

    @Test
    void an_older_draft_is_not_edited_and_a_correction_starts_only_from_the_latest_version() {
        Version olderDraft = new Version(DRAFT, false, false, false);
        Version olderSubmitted = new Version(SUBMITTED, false, false, false);
        assertThat(SAVE.allows(as(Who.STAFF, olderDraft))).isFalse();
        assertThat(SUBMIT.allows(as(Who.STAFF, olderDraft))).isFalse();
        assertThat(NEW_VERSION.refusal(as(Who.STAFF, olderSubmitted))).contains(Refusal.VERSION_OPEN);
        assertThat(NEW_VERSION.allows(as(Who.STAFF, latest(SUBMITTED)))).isTrue();
    }

    @Test
    void the_office_returns_only_the_version_that_counts_and_only_once() {
        Version superseded = new Version(SUBMITTED, false, false, false);
        Version returned = new Version(SUBMITTED, true, true, true);
        Version counting = new Version(SUBMITTED, false, true, false); // a correction is being written after it
        assertThat(RETURN_TO_UNIT.refusal(as(Who.THE_OFFICE, superseded))).contains(Refusal.NOT_RETURNABLE);
        assertThat(RETURN_TO_UNIT.refusal(as(Who.THE_OFFICE, returned))).contains(Refusal.NOT_RETURNABLE);
        assertThat(RETURN_TO_UNIT.allows(as(Who.THE_OFFICE, counting))).isTrue();
    }

    @Test
    void staff_submitting_where_the_plan_requires_approval_wait_for_their_head() {
        Situation staff = new Situation(Who.STAFF, true, true, latest(DRAFT));
        Situation head = new Situation(Who.HEAD_OF_UNIT, true, true, latest(DRAFT));
        Situation noApproval = new Situation(Who.STAFF, true, false, latest(DRAFT));
        assertThat(SUBMIT.target(staff)).isEqualTo(AWAITING_APPROVAL);
        assertThat(SUBMIT.target(head)).isEqualTo(SUBMITTED);
        assertThat(SUBMIT.target(noApproval)).isEqualTo(SUBMITTED);
        for (ReportLifecycle command : ReportLifecycle.values()) {
            assertThat(command.followsPlanApproval()).as(command.name()).isEqualTo(command == SUBMIT);
        }
        assertThat(APPROVE.target(staff)).isEqualTo(SUBMITTED);
        assertThat(SEND_BACK.target(staff)).isEqualTo(DRAFT);
    }

    @Test
    void only_a_head_of_the_reporting_unit_approves_or_sends_back() {
        for (ReportLifecycle command : Set.of(APPROVE, SEND_BACK)) {
            assertThat(command.refusal(as(Who.STAFF, latest(AWAITING_APPROVAL)))).contains(Refusal.NOT_HEAD);
            assertThat(command.refusal(as(OTHER_UNITS_HEAD, latest(AWAITING_APPROVAL)))).contains(Refusal.NOT_HEAD);
            assertThat(command.refusal(as(Who.THE_OFFICE, latest(AWAITING_APPROVAL)))).contains(Refusal.NOT_HEAD);
            assertThat(command.allows(as(Who.HEAD_OF_UNIT, latest(AWAITING_APPROVAL)))).isTrue();
        }
    }

    @Test
    void only_the_reporting_units_people_write_and_only_the_office_returns() {
        for (ReportLifecycle command : Set.of(CREATE, SAVE, SUBMIT, NEW_VERSION)) {
            Version version = command == CREATE ? null : latest(command == NEW_VERSION ? SUBMITTED : DRAFT);
            assertThat(command.refusal(as(Who.THE_OFFICE, version))).as(command.name()).contains(Refusal.ONLY_UNITS);
            assertThat(command.refusal(as(OTHER_UNITS_STAFF, version))).as(command.name()).contains(Refusal.NOT_YOUR_UNIT);
            assertThat(command.allows(as(Who.STAFF, version))).as(command.name()).isTrue();
        }
        assertThat(RETURN_TO_UNIT.refusal(as(Who.HEAD_OF_UNIT, latest(SUBMITTED)))).contains(Refusal.NOT_OFFICE);
    }

    @Test
    void writers_and_supporters_stop_when_the_task_is_no_longer_reported_on_but_approval_and_return_go_on() {
        Situation draft = new Situation(Who.STAFF, false, false, latest(DRAFT));
        assertThat(SAVE.refusal(draft)).contains(Refusal.TASK_NOT_REPORTING);
        assertThat(SUBMIT.refusal(draft)).contains(Refusal.TASK_NOT_REPORTING);
        assertThat(CONTRIBUTE.refusal(new Situation(SUPPORTING_STAFF, false, false, null)))
                .contains(Refusal.TASK_NOT_REPORTING);
        assertThat(APPROVE.allows(new Situation(Who.HEAD_OF_UNIT, false, true, latest(AWAITING_APPROVAL)))).isTrue();
        assertThat(RETURN_TO_UNIT.allows(new Situation(Who.THE_OFFICE, false, false, latest(SUBMITTED)))).isTrue();
    }

    @Test
    void a_refusal_of_who_comes_before_a_refusal_of_the_state() {
        assertThat(SAVE.refusal(new Situation(Who.THE_OFFICE, false, false, latest(SUBMITTED))))
                .contains(Refusal.ONLY_UNITS);
        assertThat(SAVE.refusal(new Situation(Who.STAFF, false, false, latest(SUBMITTED))))
                .contains(Refusal.TASK_NOT_REPORTING);
    }

    @Test
    void only_a_supporting_units_people_contribute() {
        assertThat(CONTRIBUTE.refusal(as(Who.THE_OFFICE, null))).contains(Refusal.CONTRIBUTION_ONLY_UNITS);
        assertThat(CONTRIBUTE.refusal(as(Who.STAFF, null))).contains(Refusal.NOT_SUPPORTING);
        assertThat(CONTRIBUTE.allows(as(SUPPORTING_STAFF, latest(SUBMITTED)))).isTrue();
    }

    @Test
    void sending_back_and_returning_need_a_comment_and_nothing_else_does() {
        for (ReportLifecycle command : ReportLifecycle.values()) {
            assertThat(command.needsComment()).as(command.name())
                    .isEqualTo(command == SEND_BACK || command == RETURN_TO_UNIT);
        }
    }

    @Test
    void the_cycles_report_shows_unsubmitted_only_until_a_version_counts() {
        Situation staffWithApproval = new Situation(Who.STAFF, true, true, latest(DRAFT));
        assertThat(CREATE.slotAfter(staffWithApproval, null, false)).contains(ReportState.DRAFT);
        assertThat(SUBMIT.slotAfter(staffWithApproval, ReportState.DRAFT, false)).contains(ReportState.AWAITING_APPROVAL);
        assertThat(SUBMIT.slotAfter(as(Who.STAFF, latest(DRAFT)), ReportState.DRAFT, false))
                .contains(ReportState.SUBMITTED);
        assertThat(SEND_BACK.slotAfter(staffWithApproval, ReportState.AWAITING_APPROVAL, false)).contains(ReportState.DRAFT);
        assertThat(APPROVE.slotAfter(staffWithApproval, ReportState.AWAITING_APPROVAL, false))
                .contains(ReportState.SUBMITTED);
        // a correction of a returned report: writing and an approval round leave the slot RETURNED
        assertThat(NEW_VERSION.slotAfter(staffWithApproval, ReportState.RETURNED, true)).isEmpty();
        assertThat(SAVE.slotAfter(staffWithApproval, ReportState.RETURNED, true)).isEmpty();
        assertThat(SUBMIT.slotAfter(staffWithApproval, ReportState.RETURNED, true)).isEmpty();
        assertThat(SEND_BACK.slotAfter(staffWithApproval, ReportState.RETURNED, true)).isEmpty();
        assertThat(APPROVE.slotAfter(staffWithApproval, ReportState.RETURNED, true)).contains(ReportState.SUBMITTED);
        assertThat(RETURN_TO_UNIT.slotAfter(as(Who.THE_OFFICE, latest(SUBMITTED)), ReportState.SUBMITTED, true))
                .contains(ReportState.RETURNED);
    }

    @Test
    void the_page_offers_the_commands_the_service_accepts() {
        assertThat(ReportActions.in(as(Who.STAFF, latest(DRAFT))))
                .isEqualTo(new ReportActions(true, true, false, false, false, false));
        assertThat(ReportActions.in(as(Who.HEAD_OF_UNIT, latest(AWAITING_APPROVAL))))
                .isEqualTo(new ReportActions(false, false, true, true, false, false));
        assertThat(ReportActions.in(as(Who.STAFF, latest(AWAITING_APPROVAL))))
                .isEqualTo(new ReportActions(false, false, false, false, false, false));
        assertThat(ReportActions.in(as(Who.THE_OFFICE, latest(SUBMITTED))))
                .isEqualTo(new ReportActions(false, false, false, false, true, false));
        assertThat(ReportActions.in(as(Who.STAFF, latest(SUBMITTED))))
                .isEqualTo(new ReportActions(false, false, false, false, false, true));
        assertThat(ReportActions.in(new Situation(Who.STAFF, false, false, latest(SUBMITTED))))
                .isEqualTo(new ReportActions(false, false, false, false, false, false));
        assertThat(ReportActions.in(as(OTHER_UNITS_STAFF, latest(DRAFT))))
                .isEqualTo(new ReportActions(false, false, false, false, false, false));
    }
}
