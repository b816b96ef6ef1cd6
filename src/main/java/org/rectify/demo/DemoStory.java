package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.Tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.rectify.plans.TaskCommand.CLOSE;
import static org.rectify.plans.TaskCommand.MARK_ONGOING;
import static org.rectify.plans.TaskCommand.REOPEN;
import static org.rectify.plans.TaskCommand.REQUEST_CLOSURE;
import static org.rectify.plans.TaskCommand.START;

/**
 * Moves some demo tasks along their lifecycle, each step on its day: started in the plan's first weeks, made
 * 长期坚持 some months in, closed a few weeks ago, one closed and reopened after a relapse; the rest stay ASSIGNED
 * (not started). An illustration, not a record of how 临沧's rectification went.
 */
final class DemoStory {

    private static final Map<String, List<TaskCommand>> STORY = Map.ofEntries(
            Map.entry("二(一)", List.of(START, MARK_ONGOING)),
            Map.entry("二(二)", List.of(START)),
            Map.entry("二(三)1", List.of(START, MARK_ONGOING)),
            Map.entry("二(三)2", List.of(START)),
            Map.entry("三(一)", List.of(START, REQUEST_CLOSURE)),
            Map.entry("三(二)", List.of(START)),
            Map.entry("三(三)", List.of(START)),
            Map.entry("四(二)1", List.of(START, REQUEST_CLOSURE, CLOSE)),
            Map.entry("四(二)3", List.of(START)),
            Map.entry("五(一)", List.of(START)),
            Map.entry("五(三)1", List.of(START, REQUEST_CLOSURE, CLOSE, REOPEN)),
            Map.entry("六", List.of(START)));

    private DemoStory() {
    }

    static void schedule(DemoSchedule schedule, DemoTimeline timeline, Map<String, Long> taskIds, Tasks tasks, Caller office) {
        taskIds.forEach((ref, id) -> STORY.getOrDefault(ref, List.of()).forEach(command ->
                schedule.at(when(command, timeline, ref), () -> tasks.transition(id, command, reason(command), office))));
    }

    private static Instant when(TaskCommand command, DemoTimeline timeline, String ref) {
        int spread = Math.abs(ref.hashCode() % 10); // not all on one day
        return switch (command) {
            case START -> timeline.daysFromStart(10 + spread, 10);
            case MARK_ONGOING -> DemoTimeline.at(timeline.today().minusMonths(3).plusDays(spread), 11);
            case REQUEST_CLOSURE -> DemoTimeline.at(timeline.today().minusDays(50 - spread), 10);
            case CLOSE -> DemoTimeline.at(timeline.today().minusDays(30 - spread), 15);
            default -> DemoTimeline.at(timeline.today().minusDays(6), 9);
        };
    }

    private static String reason(TaskCommand command) {
        return command == REOPEN ? "回头看发现问题反弹，重新整改。（演示）" : null;
    }
}
