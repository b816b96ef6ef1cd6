package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.plans.Obligation;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.CadenceKind;
import org.rectify.progress.CadenceSettings;
import org.rectify.progress.EvidenceStore;
import org.rectify.progress.NewAttachment;
import org.rectify.progress.NewReport;
import org.rectify.progress.Phase;
import org.rectify.progress.ProgressReports;
import org.rectify.progress.ReportContent;
import org.rectify.progress.ReportDetail;
import org.rectify.progress.ReportingCycle;
import org.rectify.progress.ReportingCycles;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.rectify.demo.DemoTimeline.GRACE_DAYS;

/**
 * Monthly reports on the demo plan, through the progress API: after the first months' groundwork the office asks for
 * monthly reports (the head approves before a report counts); in every past cycle most units report on time, some
 * late, some units of every third task not at all, and one in ten has its report returned by the office (half of them
 * corrected since); in the current cycle, due in 3 days, some have reported, some have a draft, some of 市环保局's wait
 * for its head, the rest have yet to be written. Which slot does what is fixed by its position, so every load tells
 * the same story.
 */
@Component
class DemoReports {

    private final ProgressReports reports;
    private final ReportingCycles cycles;
    private final TaskLedger ledger;
    private final EvidenceStore evidence;

    DemoReports(ProgressReports reports, ReportingCycles cycles, TaskLedger ledger, EvidenceStore evidence) {
        this.reports = reports;
        this.cycles = cycles;
        this.ledger = ledger;
        this.evidence = evidence;
    }

    void schedule(DemoSchedule schedule, DemoStage stage, long planId, List<Long> taskIds) {
        DemoTimeline timeline = stage.timeline();
        schedule.at(timeline.at(timeline.reportingStart().minusDays(3), 10), () -> {
            cycles.setCadence(planId, new CadenceSettings(CadenceKind.CUSTOM, null, GRACE_DAYS, true,
                    timeline.reportingStart(), timeline.reportDueDates()), stage.callers().office());
            // each task read once for all its reports (its lead units, reference and title stay as they are)
            List<TaskDetail> tasks = taskIds.stream().map(id -> ledger.get(id, DataScope.ALL)).toList();
            for (ReportingCycle cycle : cycles.cycles(planId)) {
                if (cycle.dueOn().isBefore(timeline.today())) {
                    schedulePast(schedule, timeline, stage.callers(), cycle, tasks);
                } else if (!cycle.periodStart().isAfter(timeline.today())) {
                    scheduleCurrent(schedule, stage, cycle, tasks);
                }
            }
        });
    }

    private void schedulePast(DemoSchedule schedule, DemoTimeline timeline, DemoCallers callers, ReportingCycle cycle, List<TaskDetail> tasks) {
        forEachSlot(tasks, cycle, (t, task, unit, n) -> {
            boolean missing = n % 10 == 8 && t % 3 == 0;
            switch (missing ? -1 : n % 10) {
                case -1 -> { } // never reported: LATE, and the task turns yellow
                case 6, 7 -> schedule.at(timeline.at(cycle.graceUntil().plusDays(1 + n % 3), 16),
                        () -> submitIfReporting(callers, task, unit, cycle, n));
                case 9 -> {
                    schedule.at(timeline.at(cycle.dueOn().minusDays(2), 11), () -> submitIfReporting(callers, task, unit, cycle, n));
                    schedule.at(timeline.at(cycle.dueOn().plusDays(1), 15), () -> returnReport(callers, task, unit, cycle));
                    if (n / 10 % 2 == 0) { // half are corrected in a new version; the others wait for it
                        schedule.at(timeline.at(cycle.dueOn().plusDays(3), 10), () -> correct(callers, task, unit, cycle, n));
                    }
                }
                default -> schedule.at(timeline.at(cycle.dueOn().minusDays(1 + n % 4), 9 + n % 8),
                        () -> submitIfReporting(callers, task, unit, cycle, n));
            }
        });
    }

    private void scheduleCurrent(DemoSchedule schedule, DemoStage stage, ReportingCycle cycle, List<TaskDetail> tasks) {
        DemoCallers callers = stage.callers();
        DemoTimeline timeline = stage.timeline();
        LocalDate yesterday = timeline.today().minusDays(1);
        forEachSlot(tasks, cycle, (t, task, unit, n) -> {
            if (callers.isEpb(unit)) { // 市环保局's staff sent some, waiting for the head; the rest are on epb-staff's list
                if (n % 2 == 0) {
                    schedule.at(timeline.at(yesterday, 17), () -> write(task, unit, cycle, n, callers.staffOf(unit), true));
                }
            } else if (n % 4 == 0) {
                schedule.at(timeline.at(yesterday, 10), () -> submitIfReporting(callers, task, unit, cycle, n));
            } else if (n % 4 == 1) {
                schedule.at(timeline.at(yesterday, 15), () -> write(task, unit, cycle, n, callers.staffOf(unit), false));
            }
        });
    }

    /** One lead unit of the {@code t}-th task in a cycle; {@code n} fixes what it does. */
    private interface Slot {
        void accept(int t, TaskDetail task, long unitId, int n);
    }

    private static void forEachSlot(List<TaskDetail> tasks, ReportingCycle cycle, Slot slot) {
        for (int t = 0; t < tasks.size(); t++) {
            List<Long> units = tasks.get(t).leadUnitIds();
            for (int u = 0; u < units.size(); u++) {
                slot.accept(t, tasks.get(t), units.get(u), t * 7 + u * 3 + cycle.seq());
            }
        }
    }

    /** Sent as the unit sends it: by the staff and approved by the head for 市环保局, by the head at once elsewhere. */
    private void submitIfReporting(DemoCallers callers, TaskDetail task, long unitId, ReportingCycle cycle, int n) {
        if (callers.isEpb(unitId)) {
            ReportDetail sent = write(task, unitId, cycle, n, callers.staffOf(unitId), true);
            if (sent != null) {
                reports.approve(sent.id(), callers.headOf(unitId));
            }
        } else {
            write(task, unitId, cycle, n, callers.headOf(unitId), true);
        }
    }

    private ReportDetail write(TaskDetail task, long unitId, ReportingCycle cycle, int n, Caller writer, boolean submit) {
        if (!ledger.isOpen(task.id())) {
            return null; // closed or cancelled since: nothing more to report
        }
        List<NewAttachment> files = n % 3 == 0 ? List.of(NewAttachment.toReport(evidence.stage(
                new ByteArrayInputStream(evidenceText(task, writer, cycle).getBytes(StandardCharsets.UTF_8)),
                "整改佐证-" + task.ref() + "-第" + cycle.seq() + "期.txt"))) : List.of();
        return reports.create(new NewReport(task.id(), cycle.id(), unitId, content(task, unitId, cycle, n), submit), files, writer);
    }

    private void returnReport(DemoCallers callers, TaskDetail task, long unitId, ReportingCycle cycle) {
        submitted(callers, task.id(), unitId, cycle).ifPresent(id -> reports.returnToUnit(id,
                "佐证材料不足：请补充现场照片和整改前后对比情况。（演示）", callers.office()));
    }

    private void correct(DemoCallers callers, TaskDetail task, long unitId, ReportingCycle cycle, int n) {
        submitted(callers, task.id(), unitId, cycle).ifPresent(id -> {
            Caller head = callers.headOf(unitId);
            ReportDetail draft = reports.newVersion(id, head);
            reports.update(draft.id(), content(task, unitId, cycle, n + 1), List.of(), List.of(), head);
            reports.submit(draft.id(), head);
        });
    }

    private java.util.Optional<Long> submitted(DemoCallers callers, long taskId, long unitId, ReportingCycle cycle) {
        return reports.find(taskId, unitId, cycle.id(), callers.office()).map(ReportDetail::id);
    }

    private static ReportContent content(TaskDetail task, long unitId, ReportingCycle cycle, int n) {
        boolean behind = n % 5 == 4;
        String work = "本期围绕“" + task.displayTitle() + "”推进整改：" + WORK[n % WORK.length] + "（演示数据）";
        return new ReportContent(work, Phase.IN_PROGRESS, !behind,
                behind ? "部分点位整改资金尚未落实，进度滞后于序时进度。" : null,
                NEXT[n % NEXT.length], unitId == task.leadUnitIds().get(0) ? measurements(task, cycle) : List.of(),
                obligationRecords(task, cycle, n), List.of());
    }

    /**
     * Each indicator's value as of the cycle's start, as the task's first lead unit measures it (the others leave
     * the city-wide figures to it), closing in on its target cycle by cycle (four fifths of the way
     * at first, reached after ten cycles), so that the task page's chart shows a trend and a latest value below target.
     */
    private static List<ReportContent.MeasurementEntry> measurements(TaskDetail task, ReportingCycle cycle) {
        return task.indicators().stream().map(i -> {
            BigDecimal share = BigDecimal.valueOf(Math.min(0.8 + 0.02 * cycle.seq(), 1.0));
            BigDecimal value = switch (i.comparator()) {
                case AT_LEAST -> i.targetValue().multiply(share);
                case AT_MOST -> i.targetValue().multiply(BigDecimal.valueOf(2).subtract(share));
                case EQUAL -> i.targetValue();
            };
            return new ReportContent.MeasurementEntry(i.name(), value.setScale(1, RoundingMode.HALF_UP).toPlainString(),
                    cycle.periodStart(), "统计监测数据（演示）");
        }).toList();
    }

    /**
     * The meetings held for the task's obligations (每月…不少于1次): one in each monthly cycle, except every fourth slot,
     * which skips it (that month falls short on the task page); yearly and quarterly ones every third cycle.
     */
    private static List<ReportContent.ObligationEntry> obligationRecords(TaskDetail task, ReportingCycle cycle, int n) {
        List<ReportContent.ObligationEntry> out = new java.util.ArrayList<>();
        for (Obligation o : task.obligations()) {
            boolean held = switch (o.per()) {
                case MONTH -> n % 4 != 3;
                case QUARTER, YEAR -> cycle.seq() % 3 == 0;
                case WEEK -> false;
            };
            if (held) {
                out.add(new ReportContent.ObligationEntry(null, o.subject(), cycle.periodStart().plusDays(5), "专题会议",
                        "研究部署环境保护工作（第" + cycle.seq() + "期，演示）"));
            }
        }
        return out;
    }

    private static String evidenceText(TaskDetail task, Caller writer, ReportingCycle cycle) {
        return "演示佐证材料\n任务：" + task.ref() + " " + task.displayTitle() + "\n单位：" + writer.unitName()
                + "\n报送期次：第" + cycle.seq() + "期（截至" + cycle.dueOn() + "）\n现场核查记录：已完成整改点位复核，照片存档。\n";
    }

    private static final String[] WORK = {
            "召开专题推进会1次，完成问题点位排查，建立整改台账。",
            "完成现场核查，督促相关企业落实整改措施，整改点位已完成过半。",
            "组织联合执法检查，立案查处违法行为2起，整改资金已落实。",
            "完成阶段性整改任务，相关材料已归档备查。",
    };

    private static final String[] NEXT = {
            "下一步将加强日常巡查，确保整改不反弹。",
            "下一步将加快推进剩余点位整改，按期完成任务。",
            "下一步将开展整改成效评估，建立长效机制。",
    };
}
