package org.rectify.intake.parser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time phrases that need the plan's own dates to mean a day: those without a year ({@code 年底前},
 * {@code 下半年}, {@code 一季度末}, {@code 6月底前}, {@code 春节前}), yearly ones ({@code 每年3月底前}) and relative
 * ones ({@code 反馈后3个月内}, {@code 方案印发之日起30日内}). A phrase that would fall before the plan was issued
 * is moved to the next year and flagged; a relative one is always flagged; without the plan's dates none is dated,
 * and each is reported instead.
 */
final class PlanTimePhrases {

    private static final String NUM = "\\d{1,3}|[一二两三四五六七八九十百]{1,4}";
    private static final String MONTH = "\\d{1,2}|十[一二]?|[一二三四五六七八九]";

    /** A phrase inside a count (三年内, 3个月), a cycle (每年底) or another year (去年底, 明年底) is not one of these. */
    private static final Pattern YEARLESS = Pattern.compile(
        "(?<![0-9年每一二两三四五六七八九十半个近去明前后])(?:"
            + "(?<ye>(?:今|本|当)?年(?:底|末)|年内|当年度?内?|本年度内?|本年内?|今年内?)"
            + "|(?<half>上半年|下半年)"
            + "|第?(?<q>[一二三四])季度(?:末|底)?"
            + "|(?<m>" + MONTH + ")月(?:(?<d>\\d{1,2})日)?(?<ms>底|末|上旬|中旬|下旬|中)?"
            + "|(?<hol>春节|元旦|国庆节?|五一|劳动节)"
            + ")(?<suf>之前|以前|前|止)?");

    private static final Pattern YEARLY = Pattern.compile(
        "每年(?:年?(?<ye>底|末)|(?<m>" + MONTH + ")月(?:(?<d>\\d{1,2})日)?(?<ms>底|末|上旬|中旬|下旬|中)?)"
            + "(?<suf>之前|以前|前)?");

    /** What a relative phrase counts from: the feedback (反馈) or the plan's issue (印发 and its synonyms). */
    private static final List<String> ANCHORS = List.of("反馈", "印发", "下发", "发布", "出台");

    private static final Pattern RELATIVE = Pattern.compile(
        "(?<anchor>" + String.join("|", ANCHORS) + ")(?:意见)?(?:之日起|之日后|后|以后|之后|起)"
            + " ?(?<n>" + NUM + ") ?(?<unit>个工作日|工作日|个月|月|日|天|周|年)(?:内|之内|以内)");

    private PlanTimePhrases() {
    }

    /** Adds the phrases found in {@code folded} to the lists, skipping any that overlaps a phrase already there. */
    static void scan(String folded, PlanDates dates, List<int[]> spans, List<DeadlineExtractor.Reading> out) {
        if (folded.indexOf('月') < 0 && folded.indexOf('年') < 0 && folded.indexOf('季') < 0
            && folded.indexOf('节') < 0 && folded.indexOf('旦') < 0 && folded.indexOf('一') < 0
            && folded.indexOf('庆') < 0 && !relativeAnchor(folded)) { // 国庆前; 印发之日起30日内
            return; // nothing to find: keeps the common case cheap
        }
        int before = spans.size();
        Matcher m = RELATIVE.matcher(folded);
        while (m.find()) {
            add(spans, out, before, m.start(), m.end(), relative(m, dates));
        }
        m = YEARLY.matcher(folded);
        while (m.find()) {
            add(spans, out, before, m.start(), m.end(), yearly(m, dates));
        }
        m = YEARLESS.matcher(folded);
        while (m.find()) {
            add(spans, out, before, m.start(), m.end(), yearless(m, dates));
        }
    }

    /** Whether a relative phrase may be in the text: its anchor word, cheaper to look for than the pattern. */
    private static boolean relativeAnchor(String folded) {
        for (String anchor : ANCHORS) {
            if (folded.contains(anchor)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<int[]> spans, List<DeadlineExtractor.Reading> out, int before, int start, int end,
                            DeadlineExtractor.Reading r) {
        if (r == null) {
            return;
        }
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return; // 2018年底前 was read whole already; its 年底前 is not another phrase
            }
        }
        spans.add(new int[] {start, end});
        out.add(r);
    }

    private static DeadlineExtractor.Reading relative(Matcher m, PlanDates dates) {
        int n = ChineseNumerals.parse(m.group("n"));
        if (n <= 0) {
            return null;
        }
        boolean feedback = "反馈".equals(m.group("anchor"));
        LocalDate anchor = feedback ? dates.feedback() : dates.issued();
        String anchorName = feedback ? "feedback date" : "issue date";
        if (anchor == null) {
            return undated("counts from the plan's " + anchorName + ", which is not known");
        }
        String unit = m.group("unit");
        LocalDate due = switch (unit) {
            case "个月", "月" -> anchor.plusMonths(n);
            case "年" -> anchor.plusYears(n);
            case "周" -> anchor.plusWeeks(n);
            case "个工作日", "工作日" -> anchor.plusDays((n * 7L + 4) / 5); // holidays aside; flagged anyway
            default -> anchor.plusDays(n);
        };
        return new DeadlineExtractor.Reading(TimePhrase.Kind.DEADLINE, due, true,
            "counted from the " + anchorName + " " + anchor + ": due " + due + "; please check", null, false);
    }

    private static DeadlineExtractor.Reading yearly(Matcher m, PlanDates dates) {
        LocalDate reference = dates.reference();
        if (reference == null) {
            return undated("recurs every year, but the plan gives no date to start from");
        }
        LocalDate first = m.group("ye") != null ? LocalDate.of(reference.getYear(), 12, 31)
            : monthDay(reference.getYear(), m.group("m"), m.group("d"), m.group("ms"), m.group("suf"));
        if (first == null) {
            return null;
        }
        if (first.isBefore(reference)) {
            first = first.plusYears(1);
        }
        return new DeadlineExtractor.Reading(TimePhrase.Kind.DEADLINE, first, false, null, null, true);
    }

    private static DeadlineExtractor.Reading yearless(Matcher m, PlanDates dates) {
        Integer year = dates.year();
        String suf = m.group("suf");
        boolean by = suf != null;
        if (m.group("ye") != null) {
            return year == null ? undated("has no year, and the plan gives no date")
                : due(LocalDate.of(year, 12, 31), false, null);
        }
        if (m.group("half") != null) {
            return year == null ? undated("has no year, and the plan gives no date")
                : placed(LocalDate.of(year, "上半年".equals(m.group("half")) ? 6 : 12,
                    "上半年".equals(m.group("half")) ? 30 : 31), dates);
        }
        if (m.group("q") != null) {
            int q = ChineseNumerals.parse(m.group("q"));
            return year == null ? undated("has no year, and the plan gives no date")
                : placed(YearMonth.of(year, q * 3).atEndOfMonth(), dates);
        }
        if (m.group("hol") != null) {
            if (!by) {
                return null; // 春节期间: when, not by when
            }
            if (year == null) {
                return undated("has no year, and the plan gives no date");
            }
            String name = m.group("hol");
            LocalDate day = Holidays.day(name, year);
            if (day != null && !day.isAfter(dates.reference())) {
                day = Holidays.day(name, year + 1); // the next one after the plan
            }
            return day == null ? undated("names a holiday whose date is not known")
                : due(day.minusDays(1), false, null);
        }
        // a month: only with a day and 前/止, or with 底/末/旬/中, is it a deadline (a bare 3月 is not)
        if (m.group("ms") == null && !by) {
            return null;
        }
        if (year == null) {
            return undated("has no year, and the plan gives no date");
        }
        LocalDate d = monthDay(year, m.group("m"), m.group("d"), m.group("ms"), suf);
        if (d == null) {
            return null;
        }
        boolean earlier = m.group("d") == null && m.group("ms") == null; // 6月前: before June or by June
        DeadlineExtractor.Reading r = placed(d, dates);
        return earlier ? new DeadlineExtractor.Reading(r.kind(), r.date(), true, r.note(), null, false) : r;
    }

    /** A day of the plan's year, moved to the next year (and flagged) when it falls before the plan. */
    private static DeadlineExtractor.Reading placed(LocalDate d, PlanDates dates) {
        LocalDate reference = dates.reference();
        if (reference != null && d.isBefore(reference)) {
            LocalDate next = d.plusYears(1);
            if (next.getMonthValue() == 2 && d.getDayOfMonth() == d.lengthOfMonth()) {
                next = next.withDayOfMonth(next.lengthOfMonth());
            }
            return due(next, true, "has no year and falls before the plan's date " + reference
                + "; took the next year: " + next);
        }
        return due(d, false, null);
    }

    private static LocalDate monthDay(int year, String monthText, String dayText, String ms, String suf) {
        int month = ChineseNumerals.parse(monthText);
        if (month < 1 || month > 12) {
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        if (dayText != null) {
            int day = Integer.parseInt(dayText);
            return day < 1 || day > ym.lengthOfMonth() ? null : ym.atDay(day);
        }
        if (ms == null) {
            return suf == null || "止".equals(suf) ? ym.atEndOfMonth() : ym.minusMonths(1).atEndOfMonth();
        }
        return switch (ms) {
            case "上旬" -> ym.atDay(10);
            case "中旬" -> ym.atDay(20);
            case "中" -> ym.atDay(15);
            default -> ym.atEndOfMonth();
        };
    }

    private static DeadlineExtractor.Reading due(LocalDate d, boolean ambiguous, String note) {
        return new DeadlineExtractor.Reading(TimePhrase.Kind.DEADLINE, d, ambiguous, note, null, false);
    }

    private static DeadlineExtractor.Reading undated(String note) {
        return new DeadlineExtractor.Reading(TimePhrase.Kind.DEADLINE, null, true, note, null, false);
    }
}
