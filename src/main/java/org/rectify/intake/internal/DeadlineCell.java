package org.rectify.intake.internal;

import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.DraftTask;
import org.rectify.intake.parser.ParseWarning;
import org.rectify.intake.parser.PlanParser;
import org.rectify.intake.parser.UnitResolver;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 整改时限 of a spreadsheet row with the plan parser's own deadline reading: a date cell, a date
 * written out ({@code 2018-06-30}, {@code 2018/6/30}, {@code 2018年6月30日}), a phrase ({@code 2017年底前},
 * {@code 2018年6月底}, {@code 2020年前}), several of them with what is due by each
 * ({@code 2017年底前：完成规划编制；2018年底前：完成验收}), {@code 长期坚持}, {@code 立行立改}.
 */
final class DeadlineCell {

    /** What the cell says; {@code invalid} is a date that does not exist (2018-02-30), {@code unreadable} the rest. */
    record Reading(List<Deadline> deadlines, boolean ongoing, boolean immediate, List<String> warnings,
                   String invalid, boolean unreadable) {
    }

    /** yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日; or yyyy-M, yyyy/M, yyyy年M月. */
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(\\d{4}) ?(?:([-/.])(\\d{1,2})(?:\\2(\\d{1,2}))?(?![\\d.])|年 ?(\\d{1,2}) ?月(?: ?(\\d{1,2}) ?[日号])?)");
    private static final Pattern DUE_SUFFIX = Pattern.compile("^ ?(?:前|之前|以前|止|起|开始|底|末|上旬|中旬|下旬)");

    private DeadlineCell() {
    }

    static Reading read(String cell, LocalDate typed) {
        if (typed != null) {
            return new Reading(List.of(new Deadline(typed, ChineseDates.due(typed), null, false)), false, false,
                    List.of(), null, false);
        }
        String flat = flatten(cell);
        if (flat.isEmpty()) {
            return new Reading(List.of(), false, false, List.of(), null, false);
        }
        StringBuilder b = new StringBuilder();
        Matcher m = DATE.matcher(flat);
        int at = 0;
        while (m.find()) {
            String dayText = m.group(4) != null ? m.group(4) : m.group(6);
            String monthText = m.group(3) != null ? m.group(3) : m.group(5);
            int year = Integer.parseInt(m.group(1));
            String written;
            try {
                int month = Integer.parseInt(monthText);
                YearMonth ym = YearMonth.of(year, month);
                if (dayText != null) {
                    LocalDate d = ym.atDay(Integer.parseInt(dayText));
                    boolean suffixed = DUE_SUFFIX.matcher(flat.substring(m.end())).find();
                    written = ChineseDates.format(d) + (suffixed ? "" : "前");
                } else {
                    written = year + "年" + month + "月";
                }
            } catch (DateTimeException | NumberFormatException e) {
                return new Reading(List.of(), false, false, List.of(), m.group().strip(), false);
            }
            b.append(flat, at, m.start()).append(written);
            at = m.end();
        }
        b.append(flat.substring(at));
        String limit = b.toString().replace('(', '〔').replace(')', '〕').replace('（', '〔').replace('）', '〕');
        // the time-limit label reads bare years (2018年); the same words as text keep what is due by each date
        var plan = new PlanParser().parse("（整改时限：" + limit + "）" + limit, UnitResolver.NONE);
        if (plan.tasks().isEmpty()) {
            return new Reading(List.of(), false, false, List.of(), null, true);
        }
        DraftTask t = plan.tasks().get(0);
        Map<LocalDate, Deadline> byDate = new LinkedHashMap<>();
        for (Deadline d : t.deadlines()) {
            Deadline known = byDate.get(d.date());
            if (known == null || known.deliverable() == null && d.deliverable() != null) {
                byDate.put(d.date(), d);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (ParseWarning w : plan.warnings()) {
            if (w.message().contains("may mean before or by")) {
                warnings.add(w.message());
            }
        }
        boolean ongoing = t.ongoing() || limit.contains("长期");
        boolean unreadable = byDate.isEmpty() && !ongoing && !t.immediate();
        return new Reading(new ArrayList<>(byDate.values()), ongoing, t.immediate(), warnings, null, unreadable);
    }

    /** One line: line breaks become ；, so the parser sees one clause per line. */
    static String flatten(String s) {
        if (s == null) {
            return "";
        }
        return s.strip().replaceAll("[;；]?\\s*(\\r\\n|\\n|\\r)\\s*", "；").strip();
    }
}
