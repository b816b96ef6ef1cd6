package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.plans.Milestone;
import org.rectify.plans.ResponsiblePerson;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.Tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The office's refinement of the published plan (细化), a week after it was issued, as the plan asks of it ("压实责任单位和
 * 责任人的责任"): each task gets its one responsible person (一名责任人), the head of its first lead unit named on its own
 * (the office's director where the plan names only groups); a task the plan left without a date gets one, on the
 * plan's own calendar (shifted like the plan's dates), and the two tasks the story later marks 长期坚持 are refined as
 * such rather than dated. Through the task form's command, so each task's history and the audit log show the office's
 * edit. The names are invented (某某), the posts are the units' own.
 */
final class DemoRefinement {

    /** The office coordinating the rectification: its director answers for tasks the plan gives to groups only. */
    static final String OFFICE_UNIT = "市环境保护督察工作领导小组办公室";

    /** A unit's head as the office names them: post, and an invented name. */
    private record Head(String post, String name) {
    }

    private static final Map<String, Head> HEADS = Map.ofEntries(
            Map.entry("市委办公室", new Head("市委办公室主任", "赵某某")),
            Map.entry("市监察局", new Head("市监察局局长", "钱某某")),
            Map.entry("市委督查室", new Head("市委督查室主任", "孙某某")),
            Map.entry(OFFICE_UNIT, new Head("市环境保护督察工作领导小组办公室主任", "李某某")),
            Map.entry("市财政局", new Head("市财政局局长", "周某某")),
            Map.entry("市发展改革委", new Head("市发展改革委主任", "吴某某")),
            Map.entry("市环境保护局", new Head("市环境保护局局长", "郑某某")),
            Map.entry("市委编办", new Head("市委编办主任", "王某某")),
            Map.entry("市住房城乡建设局", new Head("市住房城乡建设局局长", "冯某某")),
            Map.entry("市城乡规划局", new Head("市城乡规划局局长", "陈某某")),
            Map.entry("市农业局", new Head("市农业局局长", "褚某某")),
            Map.entry("市委生态文明及美丽乡村建设相关体制改革专项小组办公室",
                    new Head("市委生态文明及美丽乡村建设相关体制改革专项小组办公室主任", "卫某某")),
            Map.entry("市中级人民法院", new Head("市中级人民法院院长", "蒋某某")),
            Map.entry("市林业局", new Head("市林业局局长", "沈某某")),
            Map.entry("临翔区政府", new Head("临翔区人民政府副区长", "韩某某")),
            Map.entry("临翔区环境保护局", new Head("临翔区环境保护局局长", "杨某某")));

    /**
     * The dates the office sets where the plan gave none, in the seed's calendar (laid onto the demo's span like the
     * plan's own): all months ahead of today, so no task's warning, reminder or schedule status changes.
     */
    private static final Map<String, LocalDate> DEADLINES = Map.ofEntries(
            Map.entry("二(二)", LocalDate.of(2019, 12, 31)),
            Map.entry("三(一)", LocalDate.of(2019, 6, 30)),
            Map.entry("三(二)", LocalDate.of(2019, 12, 31)),
            Map.entry("三(三)", LocalDate.of(2020, 6, 30)),
            Map.entry("三(四)", LocalDate.of(2019, 12, 31)),
            Map.entry("四(三)", LocalDate.of(2019, 6, 30)),
            Map.entry("四(四)", LocalDate.of(2020, 12, 31)),
            Map.entry("五(一)", LocalDate.of(2019, 12, 31)),
            Map.entry("五(二)1", LocalDate.of(2019, 6, 30)),
            Map.entry("五(二)2", LocalDate.of(2019, 6, 30)),
            Map.entry("五(三)1", LocalDate.of(2019, 6, 30)),
            Map.entry("五(三)2", LocalDate.of(2019, 12, 31)),
            Map.entry("五(四)", LocalDate.of(2019, 12, 31)),
            Map.entry("七", LocalDate.of(2020, 12, 31)));

    /** Refined as 长期坚持 (the story marks them ongoing months later), not dated. */
    private static final Set<String> ONGOING = Set.of("二(一)", "二(三)1");

    static final String DELIVERABLE = "全面完成整改任务";

    private DemoRefinement() {
    }

    /** The refinement of the city plan's tasks, one week after the plan was issued. */
    static void schedule(DemoSchedule schedule, DemoTimeline timeline, Map<String, Long> taskIds, TaskLedger ledger,
                         Tasks tasks, ToLongFunction<String> unitId, Caller office) {
        schedule.at(timeline.daysFromStart(7, 15), () -> taskIds.forEach((ref, id) -> {
            TaskDetail task = ledger.get(id, DataScope.ALL);
            List<Milestone> milestones = new ArrayList<>(task.milestones());
            boolean ongoing = task.ongoing() || ONGOING.contains(ref);
            if (milestones.isEmpty() && !ongoing && DEADLINES.containsKey(ref)) {
                milestones.add(new Milestone(timeline.shift(DEADLINES.get(ref)), DELIVERABLE, null));
            }
            tasks.update(id, task.version(), DemoPlan.content(task, responsibleFor(task, unitId), milestones, ongoing), office);
        }));
    }

    /** The head of the task's first lead unit named on its own, else the office's director. */
    static ResponsiblePerson responsibleFor(TaskDetail task, ToLongFunction<String> unitId) {
        String unit = task.leadUnits().stream().filter(u -> u.groupId() == null).map(u -> u.unitName())
                .filter(HEADS::containsKey).findFirst().orElse(OFFICE_UNIT);
        return headOf(unit, unitId);
    }

    /** The unit's head, as a task's responsible person. */
    static ResponsiblePerson headOf(String unit, ToLongFunction<String> unitId) {
        return headOf(unit, unitId.applyAsLong(unit));
    }

    /** The head of the unit of this name and id (the demo's other plans name their tasks' persons when they create them). */
    static ResponsiblePerson headOf(String unit, long unitId) {
        Head head = HEADS.get(unit);
        return new ResponsiblePerson(head.name(), head.post(), unitId, null);
    }
}
