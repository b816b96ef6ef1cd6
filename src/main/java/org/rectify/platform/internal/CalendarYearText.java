package org.rectify.platform.internal;

import org.rectify.platform.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year's arrangement as an administrator types it from the State Council's notice, one line per holiday or
 * make-up working day: {@code 2026-10-01~2026-10-07 休 国庆节}, {@code 2026-10-10 班 国庆节}. A range may be written
 * with {@code ~}, {@code 至} or {@code ..}; lines starting with {@code #} and blank lines are skipped. The first line
 * that breaks a rule is refused with its number, and nothing of the list is kept.
 */
final class CalendarYearText {

    private static final Pattern LINE = Pattern.compile(
            "(\\d{4}-\\d{1,2}-\\d{1,2})(?:\\s*(?:~|～|至|\\.\\.)\\s*(\\d{4}-\\d{1,2}-\\d{1,2}))?\\s+(休|班|HOLIDAY|WORKDAY)\\s+(\\S.*)",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINES = 200;

    private CalendarYearText() {
    }

    static List<CalendarDay> parse(int year, String text) {
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        if (lines.length > MAX_LINES) {
            throw invalid("calendar.import.tooLong", MAX_LINES);
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw invalid("calendar.import.badLine", i + 1, line);
            }
            LocalDate from = date(m.group(1), i + 1, line);
            LocalDate to = m.group(2) == null ? from : date(m.group(2), i + 1, line);
            if (from.getYear() != year || to.getYear() != year || to.isBefore(from)) {
                throw invalid("calendar.import.outsideYear", i + 1, year);
            }
            CalendarDay.Kind kind = m.group(3).equals("班") || m.group(3).equalsIgnoreCase("WORKDAY")
                    ? CalendarDay.Kind.WORKDAY : CalendarDay.Kind.HOLIDAY;
            String name = m.group(4).strip();
            if (name.length() > CalendarDay.MAX_NAME) {
                throw invalid("calendar.nameTooLong", CalendarDay.MAX_NAME);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (kind == CalendarDay.Kind.WORKDAY && !CalendarDay.isWeekend(d)) {
                    throw invalid("calendar.import.workdayOnWeekday", i + 1, d.toString());
                }
                if (days.put(d, new CalendarDay(d, kind, name)) != null) {
                    throw invalid("calendar.import.twice", i + 1, d.toString());
                }
            }
        }
        return new ArrayList<>(days.values());
    }

    private static LocalDate date(String text, int lineNo, String line) {
        String[] p = text.split("-");
        try {
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw invalid("calendar.import.badLine", lineNo, line);
        }
    }

    private static InvalidInputException invalid(String key, Object... args) {
        return new InvalidInputException(Map.of("text", key), key, args);
    }
}
