package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.ReportApproved;
import org.rectify.progress.ReportReturned;
import org.rectify.progress.ReportSentBack;
import org.rectify.progress.ReportSentForApproval;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The hand-overs of a progress report: sent for approval → the unit's heads; sent back by the head, approved, or
 * returned by the office → the unit's staff (and heads, for a return). Each message opens the report and names the
 * task as outside its plan (the plan's short name before its ref). Keys carry the
 * event's time where the same report can go the same way twice (sent back, corrected, sent back again).
 */
@Component
class ReportNotifications {

    private final Dispatcher dispatcher;
    private final TaskLedger tasks;
    private final Accounts accounts;
    private final PlanShortNames shortNames;

    ReportNotifications(Dispatcher dispatcher, TaskLedger tasks, Accounts accounts, PlanShortNames shortNames) {
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.accounts = accounts;
        this.shortNames = shortNames;
    }

    @ApplicationModuleListener
    void on(ReportSentForApproval event) {
        send(event.unitId(), event.taskId(), event.reportId(), "REPORT_AWAITING_APPROVAL", key(event.occurredAt()),
                "notify.reportAwaitingApproval", Role.UNIT_HEAD);
    }

    @ApplicationModuleListener
    void on(ReportSentBack event) {
        send(event.unitId(), event.taskId(), event.reportId(), "REPORT_SENT_BACK", key(event.occurredAt()),
                "notify.reportSentBack", Role.UNIT_STAFF);
    }

    @ApplicationModuleListener
    void on(ReportApproved event) {
        send(event.unitId(), event.taskId(), event.reportId(), "REPORT_APPROVED", "", "notify.reportApproved",
                Role.UNIT_STAFF);
    }

    @ApplicationModuleListener
    void on(ReportReturned event) {
        send(event.unitId(), event.taskId(), event.reportId(), "REPORT_RETURNED", "", "notify.reportReturned",
                Role.UNIT_STAFF, Role.UNIT_HEAD);
    }

    private void send(long unitId, long taskId, long reportId, String kind, String keySuffix, String messageKey, Role... roles) {
        TaskDetail task = tasks.get(taskId, DataScope.ALL);
        dispatcher.dispatch(Audience.accounts(accounts.ofUnits(List.of(unitId), roles)).concerning(List.of(unitId)),
                Outgoing.about(taskId, kind, kind.toLowerCase() + ":" + reportId + keySuffix, "/progress/reports/" + reportId,
                        messageKey, shortNames.label(taskId, task.ref()), task.displayTitle()));
    }

    private static String key(Instant at) {
        return ":" + at.toEpochMilli();
    }
}
