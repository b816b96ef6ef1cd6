package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.PlanIntake;
import org.rectify.plans.AssignedUnit;
import org.rectify.plans.Indicator;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Milestone;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.ResponsiblePerson;
import org.rectify.plans.Obligation;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskContent;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.plans.Tasks;
import org.rectify.plans.UnitAssignment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The 临沧 2018 plan as the demo runs it: taken in through the plan parser as the office would, its dates then laid
 * onto the demo's span (the office's edit of the drafts, in each task's history), and assigned to the units. The plan
 * text itself keeps the seed's own dates: it is the intake page's example.
 */
final class DemoPlan {

    static final String SEED = "demo/lincang-2018.txt";
    /** How the plan's tasks are named outside it: 临沧2018·二(一). */
    static final String SHORT_NAME = "临沧2018";

    private DemoPlan() {
    }

    /** Publishes the plan at the demo's start and returns its id. */
    static long publish(PlanIntake intake, TaskLedger ledger, Tasks tasks, PlanShortNames shortNames, DemoTimeline timeline,
                        Caller office) {
        LocalDate issued = timeline.shift(DemoTimeline.SEED_START);
        long planId = intake.publishText(seedText(), header(issued), false, office).planId();
        shortNames.set(planId, SHORT_NAME, office);
        for (TaskSummary t : ledger.find(LedgerFilter.ofPlan(planId, LedgerFilter.MAX_PAGE_SIZE), DataScope.ALL).tasks()) {
            TaskDetail task = ledger.get(t.id(), DataScope.ALL);
            tasks.update(task.id(), task.version(), shifted(task, timeline), office);
            tasks.transition(task.id(), TaskCommand.ASSIGN, null, office);
        }
        return planId;
    }

    static String seedText() {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("demo plan missing from the build", e);
        }
    }

    private static PlanHeader header(LocalDate issued) {
        return new PlanHeader("云南省委省政府第二环境保护督察（演示）", "省委省政府第二环境保护督察组", null,
                "临沧市贯彻落实省委省政府第二环境保护督察组督察反馈意见整改方案", "中共临沧市委、临沧市人民政府（演示数据）",
                issued);
    }

    private static TaskContent shifted(TaskDetail t, DemoTimeline timeline) {
        List<Milestone> milestones = t.milestones().stream()
                .map(m -> new Milestone(timeline.shift(m.dueOn()), m.deliverable(), m.phrase())).toList();
        List<Indicator> indicators = t.indicators().stream()
                .map(i -> new Indicator(i.name(), i.comparator(), i.targetValue(), i.unitOfMeasure(), shift(i.dueOn(), timeline),
                        i.baseline(), i.phrase())).toList();
        List<Obligation> obligations = t.obligations().stream()
                .map(o -> new Obligation(o.subject(), o.atLeast(), o.per(), shift(o.startsOn(), timeline), o.phrase())).toList();
        return new TaskContent(t.planId(), t.ref(), t.title(), t.text(), t.measures(), assignment(t.leadUnits()),
                assignment(t.supportingUnits()), t.responsible(), milestones, indicators, obligations, t.ongoing());
    }

    /** The task as it stands, with its responsible person, milestones and ongoing flag as given (the office's 细化). */
    static TaskContent content(TaskDetail t, ResponsiblePerson responsible, List<Milestone> milestones, boolean ongoing) {
        return new TaskContent(t.planId(), t.ref(), t.title(), t.text(), t.measures(), assignment(t.leadUnits()),
                assignment(t.supportingUnits()), responsible, milestones, t.indicators(), t.obligations(), ongoing);
    }

    private static LocalDate shift(LocalDate day, DemoTimeline timeline) {
        return day == null ? null : timeline.shift(day);
    }

    /** Units named one by one, and groups once (the group's members come back from the group). */
    private static UnitAssignment assignment(List<AssignedUnit> units) {
        return new UnitAssignment(units.stream().filter(u -> u.groupId() == null).map(AssignedUnit::unitId).distinct().toList(),
                units.stream().map(AssignedUnit::groupId).filter(Objects::nonNull).distinct().toList());
    }
}
