package org.rectify.demo;

import org.rectify.platform.ReplayClock;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The demo's past as a list of dated steps, replayed in order of time through the ordinary commands, each on the
 * clock of its moment (so a report due on the 25th and sent on the 30th is late, as it would have been).
 */
final class DemoSchedule {

    private record Step(Instant at, int seq, Runnable action) {
    }

    private final PriorityQueue<Step> steps = new PriorityQueue<>(
            Comparator.comparing(Step::at).thenComparingInt(Step::seq));
    private int added;

    /** Adds a step; a step may add later ones while it runs. */
    void at(Instant at, Runnable action) {
        steps.add(new Step(at, added++, action));
    }

    /** Runs the steps in order of time (steps of the same moment in the order they were added). */
    void replay() {
        for (Step s = steps.poll(); s != null; s = steps.poll()) {
            ReplayClock.at(s.at(), s.action());
        }
    }
}
