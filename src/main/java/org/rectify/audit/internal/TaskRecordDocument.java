package org.rectify.audit.internal;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.rectify.access.Caller;
import org.rectify.audit.TaskTimeline;
import org.rectify.audit.TimelineEntry;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.Messages;
import org.rectify.platform.OfficialDocument;
import org.rectify.supervision.LeaderInstruction;
import org.rectify.supervision.LeaderInstructions;
import org.rectify.supervision.NoticeAnswer;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.SupervisionNotices;
import org.rectify.supervision.TaskWarning;
import org.rectify.supervision.WarningBoard;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's whole record as a Word document in the layout of the official documents: the task, its warning and ledger
 * supervision, its notices with each lead unit's answer, its instructions, and the timeline as a table. Each part is
 * read through its module's API in the caller's scope, as the task page shows it.
 */
@Component
class TaskRecordDocument {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskLedger tasks;
    private final WarningBoard warnings;
    private final SupervisionLedger ledger;
    private final SupervisionNotices notices;
    private final LeaderInstructions instructions;
    private final TaskTimeline timeline;
    private final Messages messages;
    private final Clock clock;
    private final PlanShortNames shortNames;

    TaskRecordDocument(TaskLedger tasks, WarningBoard warnings, SupervisionLedger ledger, SupervisionNotices notices,
                       LeaderInstructions instructions, TaskTimeline timeline, Messages messages,
                       Clock clock, PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.tasks = tasks;
        this.warnings = warnings;
        this.ledger = ledger;
        this.notices = notices;
        this.instructions = instructions;
        this.timeline = timeline;
        this.messages = messages;
        this.clock = clock;
    }

    TaskDetail task(long taskId, Caller caller) {
        return tasks.get(taskId, caller.scope());
    }

    /** The record's title and file name: the task as named outside its plan (临沧2018·三(一)) and its title. */
    String name(TaskDetail task) {
        return shortNames.label(task.id(), task.ref()) + " " + task.displayTitle();
    }

    byte[] render(TaskDetail task, Caller caller) {
        List<TimelineEntry> entries = timeline.of(task.id(), caller);
        TaskWarning warning = warnings.current(task.id(), caller.scope()).orElse(null);
        List<SupervisionNotice> taskNotices = notices.ofTask(task.id(), caller.scope()).stream()
                .sorted(java.util.Comparator.comparing(SupervisionNotice::issuedAt)).toList(); // oldest first, as a record reads
        List<LeaderInstruction> taskInstructions = instructions.ofTask(task.id(), caller.scope());
        return OfficialDocument.write(doc -> {
            OfficialDocument.title(doc, t("record.doc.title"), null);
            OfficialDocument.centred(doc, name(task));
            OfficialDocument.centred(doc, task.planTitle());

            heading(doc, "record.doc.task");
            OfficialDocument.body(doc, task.text());
            if (task.measures() != null && !task.measures().isBlank()) {
                OfficialDocument.body(doc, t("task.field.measures") + "：" + task.measures());
            }
            OfficialDocument.body(doc, t("task.field.leadUnits") + "：" + String.join("、", task.leadUnitNames()));
            if (!task.supportingUnitNames().isEmpty()) {
                OfficialDocument.body(doc, t("task.field.supportingUnits") + "：" + String.join("、", task.supportingUnitNames()));
            }
            if (task.responsible() != null) {
                OfficialDocument.body(doc, t("task.field.responsible") + "：" + task.responsible().name());
            }
            OfficialDocument.body(doc, t("task.field.deadline") + "：" + (task.deadline() == null ? "—" : OfficialDocument.chineseDate(task.deadline()))
                    + "；" + t("record.doc.status") + "：" + t("task.status." + task.status()));

            heading(doc, "record.doc.warning");
            OfficialDocument.body(doc, warning == null ? t("supervision.task.notAssessed")
                    : t("supervision.level." + warning.level()) + "，" + t("supervision.schedule." + warning.scheduleStatus())
                    + (warning.reasons().isEmpty() ? "" : "：" + String.join("；",
                    warning.reasons().stream().map(r -> t("supervision.reason." + r)).toList())));
            ledger.ofTask(task.id(), caller.scope()).stream().filter(e -> e.isOpen()).findFirst().ifPresent(e -> OfficialDocument.body(doc,
                    messages.text("supervision.task.ledgerSince", time(e.addedAt()), e.reason())));

            heading(doc, "record.doc.notices");
            if (taskNotices.isEmpty()) {
                OfficialDocument.body(doc, t("supervision.notice.noneOnTask"));
            }
            for (SupervisionNotice n : taskNotices) {
                OfficialDocument.body(doc, n.number() + "（" + n.issuerUnit() + " " + time(n.issuedAt()) + "）：" + n.demands());
                for (NoticeAnswer a : n.answers()) {
                    OfficialDocument.body(doc, a.unitName() + "：" + (a.isAnswered()
                            ? a.replyText() + "（" + a.repliedBy() + " " + time(a.repliedAt()) + "）"
                            + (a.isAccepted() ? t("supervision.notice.acceptedState") : "")
                            : t("supervision.notice.pendingUnit")));
                }
            }

            heading(doc, "record.doc.instructions");
            if (taskInstructions.isEmpty()) {
                OfficialDocument.body(doc, t("record.doc.none"));
            }
            for (LeaderInstruction i : taskInstructions) {
                OfficialDocument.body(doc, i.leader() + "（" + time(i.givenAt()) + "）：" + i.text());
                if (i.isAnswered()) {
                    OfficialDocument.body(doc, i.answeredBy() + "（" + time(i.answeredAt()) + "）：" + i.answerText());
                }
            }

            heading(doc, "record.doc.timeline");
            List<List<String>> rows = new ArrayList<>();
            entries.forEach(e -> rows.add(List.of(time(e.at()), e.actor(), e.label(), e.detail())));
            OfficialDocument.table(doc, List.of(t("audit.at"), t("audit.actor"), t("audit.action"), t("record.doc.detail")), rows);
        });
    }

    private void heading(XWPFDocument doc, String key) {
        OfficialDocument.paragraph(doc, ParagraphAlignment.LEFT, t(key), "黑体", 16, true, null);
    }

    private String t(String key) {
        return messages.text(key);
    }

    private String time(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(clock.getZone()).format(MINUTE);
    }
}
