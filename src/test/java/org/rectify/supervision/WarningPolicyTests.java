package org.rectify.supervision;

import org.junit.jupiter.api.Test;
import org.rectify.plans.TaskStatus;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning rules on their own, with the day given: no database, no clock. */
class WarningPolicyTests {

    private final WarningPolicy policy = new WarningPolicy(SupervisionSettings.DEFAULT);
    private static final LocalDate END_2017 = LocalDate.of(2017, 12, 31);
    private static final LocalDate END_2018 = LocalDate.of(2018, 12, 31);

    private static TaskFacts task(TaskStatus status, LocalDate deadline, LocalDate nextDue, LocalDate lastPassed) {
        return new TaskFacts(status, deadline, nextDue, lastPassed);
    }

    @Test
    void a_report_on_a_cycle_due_today_or_later_cannot_change_a_warning_and_one_on_a_cycle_past_due_can() {
        LocalDate due = LocalDate.of(2018, 6, 25);
        assertThat(WarningPolicy.reportCanChange(due, due.minusDays(3))).isFalse();
        assertThat(WarningPolicy.reportCanChange(due, due)).isFalse();
        // past its due date the cycle may be past its grace period too: the last one missed, which the report clears
        assertThat(WarningPolicy.reportCanChange(due, due.plusDays(1))).isTrue();
    }

    @Test
    void a_task_far_from_its_deadline_has_no_warning() {
        Assessment a = policy.assess(task(TaskStatus.IN_PROGRESS, END_2018, END_2018, null), LocalDate.of(2018, 3, 1));
        assertThat(a.level()).isEqualTo(WarningLevel.NONE);
        assertThat(a.scheduleStatus()).isEqualTo(ScheduleStatus.ON_SCHEDULE);
    }

    @Test
    void fifteen_days_before_a_deadline_the_task_turns_blue_and_sixteen_days_before_it_does_not() {
        assertThat(policy.assess(task(TaskStatus.IN_PROGRESS, END_2018, END_2018, null), END_2018.minusDays(15)).level())
                .isEqualTo(WarningLevel.BLUE);
        assertThat(policy.assess(task(TaskStatus.IN_PROGRESS, END_2018, END_2018, null), END_2018.minusDays(16)).level())
                .isEqualTo(WarningLevel.NONE);
    }

    @Test
    void the_blue_threshold_is_the_plans_own() {
        WarningPolicy early = new WarningPolicy(new SupervisionSettings(30, 5));
        assertThat(early.assess(task(TaskStatus.IN_PROGRESS, END_2018, END_2018, null), END_2018.minusDays(30)).level())
                .isEqualTo(WarningLevel.BLUE);
    }

    @Test
    void a_passed_milestone_while_work_goes_on_is_yellow_and_behind_schedule() {
        Assessment a = policy.assess(task(TaskStatus.IN_PROGRESS, END_2018, END_2018, END_2017), LocalDate.of(2018, 1, 10));
        assertThat(a.level()).isEqualTo(WarningLevel.YELLOW);
        assertThat(a.scheduleStatus()).isEqualTo(ScheduleStatus.BEHIND);
        assertThat(a.reasons()).containsExactly(WarningReason.MILESTONE_PASSED);
    }

    @Test
    void an_assigned_task_never_started_says_so() {
        Assessment a = policy.assess(task(TaskStatus.ASSIGNED, END_2018, END_2018, END_2017), LocalDate.of(2018, 1, 10));
        assertThat(a.reasons()).containsExactly(WarningReason.MILESTONE_PASSED, WarningReason.NOT_STARTED);
    }

    @Test
    void the_day_after_the_final_deadline_an_open_task_is_red_and_overdue() {
        assertThat(policy.assess(task(TaskStatus.IN_PROGRESS, END_2018, END_2018, null), END_2018).level())
                .isEqualTo(WarningLevel.BLUE); // the deadline day itself is still in time
        Assessment a = policy.assess(task(TaskStatus.IN_PROGRESS, END_2018, null, END_2018), END_2018.plusDays(1));
        assertThat(a.level()).isEqualTo(WarningLevel.RED);
        assertThat(a.scheduleStatus()).isEqualTo(ScheduleStatus.OVERDUE);
        assertThat(a.reasons()).containsExactly(WarningReason.OVERDUE);
    }

    @Test
    void a_closure_request_waiting_for_approval_is_not_behind_but_still_red_when_overdue() {
        assertThat(policy.assess(task(TaskStatus.CLOSURE_REQUESTED, END_2018, END_2018, END_2017), LocalDate.of(2018, 6, 1)).level())
                .isEqualTo(WarningLevel.NONE);
        assertThat(policy.assess(task(TaskStatus.CLOSURE_REQUESTED, END_2017, null, END_2017), LocalDate.of(2018, 6, 1)).level())
                .isEqualTo(WarningLevel.RED);
    }

    @Test
    void a_relapsed_task_is_red_whatever_its_dates() {
        Assessment a = policy.assess(task(TaskStatus.REOPENED, END_2018, END_2018, null), LocalDate.of(2018, 3, 1));
        assertThat(a.level()).isEqualTo(WarningLevel.RED);
        assertThat(a.reasons()).containsExactly(WarningReason.RELAPSED);
    }

    @Test
    void closed_cancelled_and_ongoing_tasks_are_done_and_warn_nobody() {
        for (TaskStatus done : new TaskStatus[]{TaskStatus.CLOSED, TaskStatus.CANCELLED, TaskStatus.ONGOING}) {
            Assessment a = policy.assess(task(done, END_2017, null, END_2017), END_2018);
            assertThat(a.level()).as(done.name()).isEqualTo(WarningLevel.NONE);
            assertThat(a.scheduleStatus()).as(done.name()).isEqualTo(ScheduleStatus.DONE);
        }
    }

    @Test
    void a_missed_report_makes_an_open_task_yellow_and_an_ongoing_one_too() {
        LocalDate day = LocalDate.of(2018, 6, 1);
        Assessment open = policy.assess(new TaskFacts(TaskStatus.IN_PROGRESS, END_2018, END_2018, null, false, true), day);
        assertThat(open.level()).isEqualTo(WarningLevel.YELLOW);
        assertThat(open.reasons()).containsExactly(WarningReason.REPORT_MISSING);
        Assessment ongoing = policy.assess(new TaskFacts(TaskStatus.ONGOING, END_2017, null, END_2017, false, true), day);
        assertThat(ongoing.level()).isEqualTo(WarningLevel.YELLOW);
        Assessment red = policy.assess(new TaskFacts(TaskStatus.IN_PROGRESS, END_2017, null, END_2017, false, true), day);
        assertThat(red.level()).isEqualTo(WarningLevel.RED); // a missed report never lowers a warning
        assertThat(red.reasons()).containsExactly(WarningReason.OVERDUE, WarningReason.REPORT_MISSING);
    }

    @Test
    void a_draft_warns_nobody_because_nobody_has_it_yet() {
        assertThat(policy.assess(task(TaskStatus.DRAFT, END_2017, null, END_2017), END_2018).level()).isEqualTo(WarningLevel.NONE);
    }

    @Test
    void a_task_without_dates_never_warns() {
        assertThat(policy.assess(task(TaskStatus.IN_PROGRESS, null, null, null), END_2018).level()).isEqualTo(WarningLevel.NONE);
    }

    @Test
    void a_notice_answered_late_keeps_the_task_at_least_yellow_and_never_lowers_a_red() {
        LocalDate day = LocalDate.of(2018, 6, 1);
        Assessment late = policy.assess(new TaskFacts(TaskStatus.IN_PROGRESS, END_2018, END_2018, null, false, false, true), day);
        assertThat(late.level()).isEqualTo(WarningLevel.YELLOW);
        assertThat(late.scheduleStatus()).isEqualTo(ScheduleStatus.BEHIND);
        assertThat(late.reasons()).containsExactly(WarningReason.NOTICE_ANSWERED_LATE);
        Assessment red = policy.assess(new TaskFacts(TaskStatus.IN_PROGRESS, END_2017, null, END_2017, false, false, true), day);
        assertThat(red.level()).isEqualTo(WarningLevel.RED);
        assertThat(red.reasons()).containsExactly(WarningReason.OVERDUE, WarningReason.NOTICE_ANSWERED_LATE);
        assertThat(policy.assess(new TaskFacts(TaskStatus.CLOSED, END_2018, END_2018, null, false, false, true), day).level())
                .isEqualTo(WarningLevel.NONE); // a closed task is done
    }
}
