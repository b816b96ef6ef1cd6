package org.rectify.demo;

import org.rectify.supervision.CircularPeriod;
import org.rectify.supervision.Circulars;

/** Last month's circular, drafted from the month's facts and published by the office on the day the demo loads. */
final class DemoCirculars {

    private DemoCirculars() {
    }

    static void publishLastMonth(Circulars circulars, long planId, DemoTimeline timeline, DemoCallers callers) {
        long id = circulars.draft(CircularPeriod.previousMonth(timeline.today()), planId, callers.office());
        circulars.publish(id, null, callers.office());
    }
}
