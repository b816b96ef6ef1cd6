package org.rectify.platform.internal;

import org.jooq.DSLContext;
import org.rectify.platform.AfterCommit;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.WorkingCalendar;
import org.rectify.platform.WorkingDaysChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.rectify.platform.internal.db.Tables.CALENDAR_DAY;
import static org.rectify.platform.internal.db.Tables.CALENDAR_VERSION;

/**
 * The working-day calendar the administrator maintains. Counting reads an in-memory snapshot; every change bumps
 * {@code calendar_version} in its transaction, and a node reloads when the version it holds is no longer the
 * database's (checked at most once a second, so a loop over many deadlines costs one query), so several nodes on
 * one database agree within a second.
 */
@Service
@Transactional
public class AdministeredCalendar implements WorkingCalendar {

    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private record Snapshot(long version, WorkingDays days, long checkedAt) {
    }

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Snapshot snapshot;

    AdministeredCalendar(DSLContext db, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isWorkingDay(LocalDate day) {
        return current().isWorkingDay(day);
    }

    @Override
    @Transactional(readOnly = true)
    public LocalDate periodEnd(LocalDate start, int days, DayCount count) {
        return current().periodEnd(start, days, count);
    }

    /** The holidays and make-up working days of a year, in date order. */
    @Transactional(readOnly = true)
    public List<CalendarDay> year(int year) {
        return db.selectFrom(CALENDAR_DAY)
                .where(CALENDAR_DAY.DAY.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .orderBy(CALENDAR_DAY.DAY)
                .fetch(r -> new CalendarDay(r.getDay(), CalendarDay.Kind.valueOf(r.getKind()), r.getName()));
    }

    /** Sets one day (replacing what the date had). A make-up working day must be a Saturday or Sunday. */
    public CalendarDay set(LocalDate day, CalendarDay.Kind kind, String name) {
        if (day == null) {
            throw new InvalidInputException(Map.of("day", "calendar.dayRequired"), "calendar.dayRequired");
        }
        if (kind == null) {
            throw new InvalidInputException(Map.of("kind", "calendar.kindRequired"), "calendar.kindRequired");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > CalendarDay.MAX_NAME) {
            throw new InvalidInputException(Map.of("name", "calendar.nameTooLong"), "calendar.nameTooLong", CalendarDay.MAX_NAME);
        }
        if (kind == CalendarDay.Kind.WORKDAY && !CalendarDay.isWeekend(day)) {
            throw new InvalidInputException(Map.of("day", "calendar.workdayOnWeekday"), "calendar.workdayOnWeekday", day.toString());
        }
        db.insertInto(CALENDAR_DAY).set(CALENDAR_DAY.DAY, day).set(CALENDAR_DAY.KIND, kind.name())
                .set(CALENDAR_DAY.NAME, n).set(CALENDAR_DAY.CREATED_BY, actor())
                .onConflict(CALENDAR_DAY.DAY).doUpdate()
                .set(CALENDAR_DAY.KIND, kind.name()).set(CALENDAR_DAY.NAME, n).set(CALENDAR_DAY.CREATED_BY, actor())
                .execute();
        changed("calendar.day-set", "calendar-day:" + day);
        return new CalendarDay(day, kind, n);
    }

    /** Removes a day's entry: the date counts by its weekday again. Nothing happens to a date without one. */
    public void remove(LocalDate day) {
        remove(day, day);
    }

    /** Removes the entries from {@code from} to {@code to} (a whole holiday at once). */
    public void remove(LocalDate from, LocalDate to) {
        if (db.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.DAY.between(from, to)).execute() > 0) {
            changed("calendar.day-removed", "calendar-day:" + from + (to.equals(from) ? "" : "~" + to));
        }
    }

    /** Replaces a whole year with a typed list (see {@link CalendarYearText}); a list with one bad line keeps nothing. */
    public List<CalendarDay> importYear(int year, String text) {
        List<CalendarDay> days = CalendarYearText.parse(year, text);
        db.deleteFrom(CALENDAR_DAY)
                .where(CALENDAR_DAY.DAY.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).execute();
        if (!days.isEmpty()) { // one statement for the year, not one per day
            String actor = actor();
            var insert = db.insertInto(CALENDAR_DAY, CALENDAR_DAY.DAY, CALENDAR_DAY.KIND, CALENDAR_DAY.NAME, CALENDAR_DAY.CREATED_BY);
            for (CalendarDay d : days) {
                insert = insert.values(d.day(), d.kind().name(), d.name(), actor);
            }
            insert.execute();
        }
        changed("calendar.year-imported", "calendar-year:" + year);
        return year(year);
    }

    private void changed(String action, String object) {
        db.update(CALENDAR_VERSION).set(CALENDAR_VERSION.VERSION, CALENDAR_VERSION.VERSION.plus(1)).execute();
        // this node reloads once the change is committed; the others at their next check
        AfterCommit.run(() -> snapshot = null);
        events.publishEvent(new WorkingDaysChanged(actor(), action, object, clock.instant()));
    }

    private WorkingDays current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAt() < CHECK_EVERY_NANOS) {
            return s.days();
        }
        long version = db.select(CALENDAR_VERSION.VERSION).from(CALENDAR_VERSION).fetchOne(CALENDAR_VERSION.VERSION);
        if (s == null || s.version() != version) {
            var days = db.selectFrom(CALENDAR_DAY)
                    .fetch(r -> new CalendarDay(r.getDay(), CalendarDay.Kind.valueOf(r.getKind()), r.getName()));
            s = new Snapshot(version, new WorkingDays(days), now);
        } else {
            s = new Snapshot(version, s.days(), now);
        }
        snapshot = s;
        return s.days();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
