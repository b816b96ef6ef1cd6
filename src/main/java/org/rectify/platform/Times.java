package org.rectify.platform;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Moments in the offices' time zone (the clock's, {@code rectify.time-zone}), for templates:
 * {@code ${#temporals.format(@times.local(r.submittedAt), 'yyyy-MM-dd HH:mm')}}.
 */
@Component("times")
public class Times {

    private final Clock clock;

    public Times(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** The moment ({@link Instant}, {@link OffsetDateTime} or {@link ZonedDateTime}) on the offices' clocks; null stays null. */
    public ZonedDateTime local(Object moment) {
        if (moment == null) {
            return null;
        }
        if (moment instanceof Instant i) {
            return i.atZone(zone());
        }
        if (moment instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(zone());
        }
        if (moment instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone());
        }
        throw new IllegalArgumentException("not a moment: " + moment.getClass().getName());
    }
}
