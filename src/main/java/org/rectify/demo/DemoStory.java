package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.Tasks;

import java.util.List;
import java.util.Map;

import static org.rectify.plans.TaskCommand.MARK_ONGOING;
import static org.rectify.plans.TaskCommand.START;

/**
 * Moves some demo tasks along, so the demo ledger shows a plan at work rather than 22 fresh tasks.
 * The rest stay ASSIGNED; closures go through the closure procedure ({@link DemoClosures}). (An illustration, not a
 * record of how 临沧's rectification went.)
 */
final class DemoStory {

    private static final Map<String, List<TaskCommand>> STORY = Map.ofEntries(
            Map.entry("二(一)", List.of(START, MARK_ONGOING)),
            Map.entry("二(二)", List.of(START)),
            Map.entry("二(三)1", List.of(START, MARK_ONGOING)),
            Map.entry("二(三)2", List.of(START)),
            Map.entry("三(一)", List.of(START)),
            Map.entry("三(三)", List.of(START)),
            Map.entry("四(二)1", List.of(START)),
            Map.entry("四(三)", List.of(START)),
            Map.entry("五(二)2", List.of(START)),
            Map.entry("五(三)2", List.of(START)),
            Map.entry("五(四)", List.of(START)),
            Map.entry("四(二)3", List.of(START)),
            Map.entry("五(三)1", List.of(START)),
            Map.entry("六", List.of(START)));

    private DemoStory() {
    }

    static void play(long planId, TaskLedger ledger, Tasks tasks, Caller loader) {
        var all = ledger.find(LedgerFilter.ofPlan(planId, LedgerFilter.MAX_PAGE_SIZE), loader.scope()).tasks();
        all.forEach(task -> STORY.getOrDefault(task.ref(), List.of())
                .forEach(command -> tasks.transition(task.id(), command, null, loader)));
    }
}
