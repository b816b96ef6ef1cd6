package org.rectify.platform.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A year as twelve month grids (weeks from Monday) for the administrator's page. */
record CalendarYearView(int year, List<Month> months, List<Run> runs) {

    enum Look { WORK, WEEKEND, HOLIDAY, WORKDAY }

    /** One cell; {@code day} null for the blanks before the 1st and after the last day. */
    record Cell(LocalDate day, Look look, String name) {
    }

    record Month(int month, List<List<Cell>> weeks) {
    }

    /** Consecutive days of one kind and name, as the notice writes them: 2月15日至23日 休 春节, 9 days. */
    record Run(LocalDate from, LocalDate to, CalendarDay.Kind kind, String name, int days) {
    }

    static CalendarYearView of(int year, List<CalendarDay> days) {
        Map<LocalDate, CalendarDay> byDay = days.stream().collect(Collectors.toMap(CalendarDay::day, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int blank = 1; blank < ym.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Cell(null, null, null));
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate day = ym.atDay(d);
                CalendarDay entry = byDay.get(day);
                Look look = entry != null ? (entry.kind() == CalendarDay.Kind.HOLIDAY ? Look.HOLIDAY : Look.WORKDAY)
                        : CalendarDay.isWeekend(day) ? Look.WEEKEND : Look.WORK;
                week.add(new Cell(day, look, entry == null ? null : entry.name()));
                if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, null, null));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return new CalendarYearView(year, months, runs(days));
    }

    /** {@code days} in date order, joined into runs. */
    static List<Run> runs(List<CalendarDay> days) {
        List<Run> runs = new ArrayList<>();
        for (CalendarDay d : days) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.kind() == d.kind() && last.name().equals(d.name()) && last.to().plusDays(1).equals(d.day())) {
                runs.set(runs.size() - 1, new Run(last.from(), d.day(), d.kind(), d.name(), last.days() + 1));
            } else {
                runs.add(new Run(d.day(), d.day(), d.kind(), d.name(), 1));
            }
        }
        return runs;
    }
}
