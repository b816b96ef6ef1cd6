package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.Tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.rectify.plans.TaskCommand.MARK_ONGOING;
import static org.rectify.plans.TaskCommand.START;

/**
 * Moves some demo tasks along their lifecycle, each step on its day: started in the plan's first weeks, made
 * 长期坚持 some months in; the rest stay ASSIGNED (not started). Closures go through the closure procedure afterwards
 * ({@link DemoClosures}). An illustration, not a record of how 临沧's rectification went.
 */
final class DemoStory {

    /** The task nobody has begun: no step, no report. */
    static final String NEVER_STARTED = "五(二)1";

    private static final Map<String, List<TaskCommand>> STORY = Map.ofEntries(
            Map.entry("二(一)", List.of(START, MARK_ONGOING)),
            Map.entry("二(二)", List.of(START)),
            Map.entry("二(三)1", List.of(START, MARK_ONGOING)),
            Map.entry("二(三)2", List.of(START)),
            Map.entry("三(一)", List.of(START)),
            Map.entry("三(二)", List.of(START)),
            Map.entry("三(三)", List.of(START)),
            Map.entry("四(二)1", List.of(START)),
            Map.entry("四(三)", List.of(START)),
            Map.entry("五(二)2", List.of(START)),
            Map.entry("五(三)2", List.of(START)),
            Map.entry("五(四)", List.of(START)),
            Map.entry("四(二)3", List.of(START)),
            Map.entry("五(一)", List.of(START)),
            Map.entry("五(三)1", List.of(START)),
            Map.entry("六", List.of(START)));

    private DemoStory() {
    }

    static void schedule(DemoSchedule schedule, DemoTimeline timeline, Map<String, Long> taskIds, Tasks tasks, Caller office) {
        taskIds.forEach((ref, id) -> STORY.getOrDefault(ref, List.of()).forEach(command ->
                schedule.at(when(command, timeline, ref), () -> tasks.transition(id, command, null, office))));
    }

    private static Instant when(TaskCommand command, DemoTimeline timeline, String ref) {
        int spread = Math.abs(ref.hashCode() % 10); // not all on one day
        return switch (command) {
            case START -> timeline.daysFromStart(10 + spread, 10);
            default -> timeline.at(timeline.today().minusMonths(3).plusDays(spread), 11);
        };
    }

}
