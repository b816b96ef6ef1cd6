package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.closure.LookBackScheduling;
import org.rectify.closure.LookBackStatus;
import org.rectify.closure.LookBacks;
import org.rectify.closure.NewLookBackCampaign;
import org.rectify.plans.Milestone;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.Plans;
import org.rectify.plans.ResponsiblePerson;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskContent;
import org.rectify.plans.Tasks;
import org.rectify.plans.UnitAssignment;

import java.time.LocalDate;
import java.util.List;

/**
 * Look-backs (回头看) in the demo, on a small plan of their own (marked 演示) so that the main plan's tasks stay as other
 * demonstrations and tests expect them: three closed tasks, a campaign over them, one found HELD, one RELAPSED (reopened,
 * red, on the ledger, accountability proposed) and one still due. Their 6- and 12-month rounds are scheduled too. Its
 * dates follow the day the demo is loaded, like the rest of the demo: the plan issued four months ago, the campaign of
 * this year due in ten days; the tasks closed some five weeks ago (verification, then the notice period, then closing), the
 * look-backs recorded today.
 */
final class DemoLookBacks {

    static final String TITLE = "临沧市已销号问题回头看（演示）";
    /** Named like the other demo plans, so its tasks read 临沧回头看·回2 wherever plans mix (warnings, inbox, to-do). */
    static final String SHORT_NAME = "临沧回头看";

    private DemoLookBacks() {
    }

    /** Loads the look-backs' plan; returns its id. */
    static long load(Plans plans, PlanShortNames shortNames, Tasks tasks, DemoClosures closures, LookBackScheduling scheduling,
                     LookBacks lookBacks, long city, long epb, long forestry, Caller loader, LocalDate today) {
        LocalDate issued = today.minusMonths(4);
        long planId = closures.on(issued, () -> plans.createPlan(null, TITLE, "临沧市督察整改办（演示）", issued, city));
        shortNames.set(planId, SHORT_NAME, loader);
        LocalDate milestone = today.plusMonths(3);
        long held = closed(tasks, closures, issued, task(planId, "回1", "城区饮用水水源地违建拆除（演示）", "拆除一级保护区内违章建筑并复绿。", epb,
                DemoRefinement.headOf("市环境保护局", epb), milestone), "市环境保护局", loader);
        long relapsed = closed(tasks, closures, issued, task(planId, "回2", "南汀河沿岸非法采砂整治（演示）", "取缔沿岸非法采砂点，恢复河道。", forestry,
                DemoRefinement.headOf("市林业局", forestry), milestone), "市林业局", loader);
        closed(tasks, closures, issued, task(planId, "回3", "工业园区污水直排整治（演示）", "园区企业废水全部接入污水处理厂。", epb,
                DemoRefinement.headOf("市环境保护局", epb), milestone), "市环境保护局", loader);
        scheduling.startCampaign(new NewLookBackCampaign(planId, today.getYear() + "年已销号问题专项回头看（演示）", null, null,
                List.of("回1", "回2", "回3"), null, today.plusDays(10)), loader);
        record(lookBacks, held, LookBackStatus.HELD, "现场核查：违建已拆除，复绿植被长势良好，未发现新增建筑。", loader);
        record(lookBacks, relapsed, LookBackStatus.RELAPSED, "暗访发现沿岸又有两处采砂点夜间作业，问题反弹。", loader);
        return planId;
    }

    /** Records the task's campaign look-back (its scheduled rounds stay pending). */
    private static void record(LookBacks lookBacks, long taskId, LookBackStatus outcome, String findings, Caller loader) {
        long id = lookBacks.ofTask(taskId, loader.scope()).stream().filter(l -> l.campaignId() != null).findFirst()
                .orElseThrow().id();
        lookBacks.record(id, outcome, findings, List.of(), loader);
    }

    /**
     * A task issued with its plan and taken through the closure procedure (apply, verify, approve, notice, close) by its
     * lead unit on the days {@link DemoClosures#close} gives: weeks before the look-back recorded today.
     */
    private static long closed(Tasks tasks, DemoClosures closures, LocalDate issued, TaskContent content, String leadUnit,
                               Caller loader) {
        long id = closures.on(issued, () -> {
            long created = tasks.create(content, loader);
            for (TaskCommand command : List.of(TaskCommand.ASSIGN, TaskCommand.START)) {
                tasks.transition(created, command, null, loader);
            }
            return created;
        });
        closures.close(id, leadUnit, closures.office());
        return id;
    }

    private static TaskContent task(long planId, String ref, String title, String text, long lead,
                                    ResponsiblePerson responsible, LocalDate milestone) {
        return new TaskContent(planId, ref, title, text, null, new UnitAssignment(List.of(lead), List.of()), null, responsible,
                List.of(new Milestone(milestone, "完成整改", null)), null, null, false);
    }
}
