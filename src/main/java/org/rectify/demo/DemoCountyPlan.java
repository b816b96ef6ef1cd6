package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.plans.Milestone;
import org.rectify.plans.Plans;
import org.rectify.plans.ResponsiblePerson;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskContent;
import org.rectify.plans.Tasks;
import org.rectify.plans.UnitAssignment;

import java.time.LocalDate;
import java.util.List;

/**
 * A small plan run by 临翔区 itself (marked 演示), so that the county's office and supervision office have objects of
 * their own to act on, beside the city's plan whose tasks they may only read.
 */
final class DemoCountyPlan {

    static final String TITLE = "临翔区环境问题整改清单（演示）";
    static final String SHORT_NAME = "临翔演示";

    private DemoCountyPlan() {
    }

    static long load(Plans plans, Tasks tasks, DemoTimeline timeline, long county, long government, long epb, Caller loader) {
        long planId = plans.createPlan(null, TITLE, "临翔区整改办（演示）", timeline.start().plusMonths(2), county);
        long first = tasks.create(task(planId, "临翔1", "城区黑臭水体整治（演示）", "完成城区2条黑臭水体截污和清淤。",
                government, DemoRefinement.headOf("临翔区政府", government), timeline.today().plusDays(10)), loader); // due soon: blue
        long second = tasks.create(task(planId, "临翔2", "餐饮油烟整治（演示）", "城区餐饮单位全部安装油烟净化设施。",
                epb, DemoRefinement.headOf("临翔区环境保护局", epb), timeline.today().plusMonths(4)), loader);
        tasks.create(task(planId, "临翔3", "建筑工地扬尘管控（演示）", "在建工地落实“六个百分之百”。",
                epb, DemoRefinement.headOf("临翔区环境保护局", epb), timeline.today().plusMonths(10)), loader);
        tasks.transition(first, TaskCommand.ASSIGN, null, loader);
        tasks.transition(second, TaskCommand.ASSIGN, null, loader);
        return planId;
    }

    private static TaskContent task(long planId, String ref, String title, String text, long lead,
                                    ResponsiblePerson responsible, LocalDate due) {
        return new TaskContent(planId, ref, title, text, null, new UnitAssignment(List.of(lead), List.of()), null, responsible,
                List.of(new Milestone(due, "完成整改", null)), null, null, false);
    }
}
