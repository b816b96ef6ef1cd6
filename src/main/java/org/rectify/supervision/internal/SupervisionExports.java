package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.plans.PlanShortNames;
import org.rectify.platform.ListExport;
import org.rectify.platform.Messages;
import org.rectify.supervision.Accountability;
import org.rectify.supervision.AccountabilityAction;
import org.rectify.supervision.CircularStatus;
import org.rectify.supervision.CircularSummary;
import org.rectify.supervision.Circulars;
import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.SupervisionNotices;
import org.rectify.supervision.TaskRef;
import org.rectify.supervision.TaskWarning;
import org.rectify.supervision.WarningBoard;
import org.rectify.supervision.WarningFilter;
import org.rectify.supervision.WarningLevel;
import org.rectify.supervision.Warnings;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The supervision lists as .xlsx, each with the filter of its page ({@code ?format=xlsx} on the page's own address):
 * the warning desk, supervision notices, circulars, accountability.
 */
@Controller
@ResponseBody
class SupervisionExports {

    private final WarningBoard board;
    private final Warnings warnings;
    private final SupervisionNotices notices;
    private final Circulars circulars;
    private final Accountability accountability;
    private final Messages messages;
    private final Clock clock;
    private final PlanShortNames shortNames;

    SupervisionExports(WarningBoard board, Warnings warnings, SupervisionNotices notices, Circulars circulars,
                       Accountability accountability, Messages messages, Clock clock, PlanShortNames shortNames) {
        this.clock = clock;
        this.board = board;
        this.warnings = warnings;
        this.notices = notices;
        this.circulars = circulars;
        this.accountability = accountability;
        this.messages = messages;
        this.shortNames = shortNames;
    }

    @GetMapping(value = "/supervision", params = "format=xlsx")
    ResponseEntity<byte[]> desk(@RequestParam(required = false) Long planId, @RequestParam(required = false) String section,
                                @RequestParam(required = false) Long leadUnitId,
                                @RequestParam(required = false) List<WarningLevel> level, Caller caller) {
        WarningFilter filter = new WarningFilter(planId, section, leadUnitId, level == null ? Set.of() : Set.copyOf(level));
        String title = messages.text("supervision.tab.desk");
        List<TaskWarning> rows = board.find(filter, caller.scope());
        PlanShortNames.TaskLabels labels = labels(rows.stream().map(TaskWarning::taskId).toList());
        return ListExport.of(title(title), rows, clock.getZone())
                .column(t("supervision.col.level"), w -> t("supervision.level." + w.level()))
                .column(t("supervision.col.ref"), w -> labels.of(w.taskId(), w.ref()))
                .column(t("supervision.col.task"), TaskWarning::title)
                .column(t("supervision.col.leadUnits"), TaskWarning::leadUnits)
                .column(t("supervision.col.deadline"), TaskWarning::deadline)
                .column(t("supervision.col.schedule"), w -> t("supervision.schedule." + w.scheduleStatus()))
                .column(t("supervision.col.why"), w -> w.reasons().stream().map(r -> t("supervision.reason." + r)).toList())
                .column(t("supervision.col.since"), TaskWarning::since)
                .download(title + ".xlsx");
    }

    @GetMapping(value = "/supervision/notices", params = "format=xlsx")
    ResponseEntity<byte[]> notices(Caller caller) {
        LocalDate today = warnings.today();
        String title = messages.text("supervision.notice.listTitle");
        List<SupervisionNotice> rows = notices.all(caller.scope());
        PlanShortNames.TaskLabels labels = labels(rows.stream().map(SupervisionNotice::taskId).toList());
        return ListExport.of(title(title), rows, clock.getZone())
                .column(t("supervision.notice.number"), SupervisionNotice::number)
                .column(t("supervision.col.ref"), n -> labels.of(n.taskId(), n.taskRef()))
                .column(t("supervision.col.task"), SupervisionNotice::taskTitle)
                .column(t("supervision.notice.addressee"), SupervisionNotice::leadUnits)
                .column(t("supervision.notice.replyBy"), SupervisionNotice::replyBy)
                .column(t("supervision.notice.state"), n -> t(n.isAnswered()
                        ? (n.isLate(today, clock.getZone()) ? "supervision.notice.answeredLate" : "supervision.notice.answeredState")
                        : (n.isLate(today, clock.getZone()) ? "supervision.notice.overdue" : "supervision.notice.waiting")))
                .download(title + ".xlsx");
    }

    @GetMapping(value = "/supervision/circulars", params = "format=xlsx")
    ResponseEntity<byte[]> circulars(Caller caller) {
        String title = messages.text("supervision.circular.listTitle");
        return ListExport.of(title(title), circulars.all(caller), clock.getZone())
                .column(t("supervision.circular.number"), CircularSummary::number)
                .column(t("supervision.circular.title"), CircularSummary::title)
                .column(t("supervision.circular.period"), c -> c.period().from() + " — " + c.period().to())
                .column(t("supervision.circular.status"), c -> t("supervision.circular.status." + c.status()))
                .column(t("export.publishedAt"), c -> c.status() == CircularStatus.PUBLISHED ? c.publishedAt() : null)
                .download(title + ".xlsx");
    }

    @GetMapping(value = "/supervision/accountability", params = "format=xlsx")
    ResponseEntity<byte[]> accountability(Caller caller) {
        String title = messages.text("supervision.accountability.title");
        List<AccountabilityAction> rows = accountability.all(caller);
        PlanShortNames.TaskLabels labels = labels(rows.stream().flatMap(a -> a.tasks().stream()).map(TaskRef::taskId).toList());
        return ListExport.of(title(title), rows, clock.getZone())
                .column(t("supervision.accountability.takenOn"), AccountabilityAction::takenOn)
                .column(t("supervision.accountability.type"), a -> t("supervision.accountability.type." + a.type()))
                .column(t("supervision.accountability.unit"), AccountabilityAction::unitName)
                .column(t("supervision.accountability.person"), a -> a.personName() == null ? null
                        : a.personPost() == null ? a.personName() : a.personName() + "（" + a.personPost() + "）")
                .column(t("supervision.accountability.reason"), AccountabilityAction::reason)
                .column(t("supervision.accountability.decisionRef"), AccountabilityAction::decisionRef)
                .column(t("supervision.col.task"), a -> a.tasks().stream().map(r -> labels.of(r.taskId(), r.ref())).toList())
                .download(title + ".xlsx");
    }

    /** The tasks named with their plans' short names (临沧2018·二(一)): a list may mix plans, a file stands outside them. */
    private PlanShortNames.TaskLabels labels(List<Long> taskIds) {
        return shortNames.labels(taskIds);
    }

    private String title(String list) {
        return messages.text("export.title", list, warnings.today());
    }

    private String t(String key) {
        return messages.text(key);
    }
}
