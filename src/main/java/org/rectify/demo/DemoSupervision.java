package org.rectify.demo;

import org.rectify.access.DataScope;
import org.rectify.plans.TaskLedger;
import org.rectify.supervision.Accountability;
import org.rectify.supervision.AccountabilityType;
import org.rectify.supervision.LeaderInstructions;
import org.rectify.supervision.NewAccountabilityAction;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.supervision.SupervisionNotices;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;


/**
 * The supervision office's and the leader's part of the story: a notice answered in time, one left unanswered past
 * its date (its task turns yellow; co-led, one of its lead units answered, the others not), one 市环保局 has still to
 * answer; an overdue task kept on the supervision ledger;
 * a summons recorded against the unit behind it; and a leader's instruction waiting for its answer.
 */
@Component
class DemoSupervision {

    private final SupervisionNotices notices;
    private final SupervisionLedger supervisionLedger;
    private final LeaderInstructions instructions;
    private final Accountability accountability;
    private final TaskLedger ledger;

    DemoSupervision(SupervisionNotices notices, SupervisionLedger supervisionLedger, LeaderInstructions instructions,
                    Accountability accountability, TaskLedger ledger) {
        this.notices = notices;
        this.supervisionLedger = supervisionLedger;
        this.instructions = instructions;
        this.accountability = accountability;
        this.ledger = ledger;
    }

    void schedule(DemoSchedule schedule, DemoStage stage, Map<String, Long> tasks) {
        DemoCallers callers = stage.callers();
        DemoTimeline timeline = stage.timeline();
        LocalDate today = timeline.today();
        long answered = tasks.get("五(一)");
        schedule.at(timeline.at(today.minusDays(60), 10), () -> {
            long notice = notices.issue(answered, "请于限期内报送整改进展及佐证材料，说明滞后原因。（演示）", today.minusDays(45),
                    callers.supervisor());
            // every lead unit answers for itself (a co-led task's notice is answered when all have)
            ledger.get(answered, DataScope.ALL).leadUnitIds().forEach(unit -> schedule.at(timeline.at(today.minusDays(50), 16),
                    () -> notices.reply(notice, unit, "已召开专题会议研究部署，整改点位已全部完成现场核查，佐证材料随后报送。（演示）",
                            callers.headOf(unit))));
        });
        long coLed = tasks.get("三(二)");
        schedule.at(timeline.at(today.minusDays(30), 10), () -> {
            long notice = notices.issue(coLed, "该任务进展滞后，请说明原因并提出加快推进的具体措施。（演示）", today.minusDays(16),
                    callers.supervisor());
            // a co-led task: its first lead unit answered, the others did not, so the notice stays unanswered
            long first = leadOf(coLed);
            schedule.at(timeline.at(today.minusDays(20), 15), () -> notices.reply(notice, first,
                    "已分析滞后原因，制定加快推进措施，按周调度落实。（演示）", callers.headOf(first)));
        });
        schedule.at(timeline.at(today.minusDays(2), 10), () -> notices.issue(tasks.get("三(三)"),
                "请报送本月整改进展及下一步工作安排。（演示）", today.plusDays(8), callers.supervisor()));

        long overdue = tasks.get("六");
        schedule.at(timeline.at(today.minusDays(20), 11), () -> supervisionLedger.add(overdue,
                "已超过整改时限仍未完成，列入挂账督办。（演示）", callers.supervisor()));
        schedule.at(timeline.at(today.minusDays(12), 15), () -> accountability.record(new NewAccountabilityAction(
                AccountabilityType.SUMMONS, leadOf(overdue), null, null, today.minusDays(12),
                "整改任务逾期未完成，约谈单位主要负责人。（演示）", "临整改办〔演示〕1号", List.of(overdue)), callers.supervisor()));
        schedule.at(timeline.at(today.minusDays(5), 9), () -> instructions.give(tasks.get("二(二)"),
                "请加快推进，务必按期完成整改任务，并将进展情况专题报告。（演示）", today.plusDays(10), callers.leader()));
    }

    private long leadOf(long taskId) {
        return ledger.get(taskId, DataScope.ALL).leadUnitIds().get(0);
    }
}
