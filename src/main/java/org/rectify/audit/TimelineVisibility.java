package org.rectify.audit;

import org.rectify.access.Caller;
import org.rectify.supervision.Accountability;

import java.util.Set;

/**
 * Which recorded actions a reader of a task's timeline sees: reminders the system sent are left out (the lines would
 * drown the work), and accountability only for the roles that may see accountability at all.
 */
final class TimelineVisibility {

    private static final Set<String> NOISE = Set.of("reminder.due", "lookback.reminded");

    private TimelineVisibility() {
    }

    static boolean shows(String action, Caller caller) {
        if (NOISE.contains(action)) {
            return false;
        }
        return !action.startsWith("accountability.") || Accountability.maySee(caller);
    }
}
