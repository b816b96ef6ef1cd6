package org.rectify.intake.parser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads deadlines from task text:
 * {@code 2017年底前} → 2017-12-31; {@code 2018年9月底前} → 2018-09-30; {@code 2019年3月31日前} → 2019-03-31;
 * {@code 到2020年}/{@code 到2020年底} → 2020-12-31; a bare year a deliverable is tied to
 * ({@code 2018年临沧主城区申报…}) → that year's end; {@code N年前} is ambiguous (before N, or by N): the earlier
 * reading is taken and flagged. {@code 2017年起} is a start, not a deadline.
 */
final class DeadlineExtractor {

    private static final Pattern TIME = Pattern.compile(
        "(?<![0-9.])(?<y>\\d{4})"
            + "(?:"
            + "年?(?:-|—|–|~|至|到)(?<y2>\\d{4})年(?:底|末)?"
            + "|年(?<m>\\d{1,2})月(?:(?<d>\\d{1,2})日)?(?<ms>底|末|上旬|中旬|下旬|中)?"
            + "|年(?<hol>春节|元旦|国庆节?|五一|劳动节)"
            + "|年(?<half>上半年|下半年|年中)"
            + "|年第?(?<q>[一二三四1-4])季度(?:末|底)?"
            + "|年(?<ys>底|末)?"
            + ")"
            + "(?<suf>之前|以前|前|起|开始|以来|止)?");

    /** Words before a year that make it a deadline: 到2020年. Longest first. */
    private static final String[] BY = {"截止到", "截至到", "截至", "截止", "到", "至"};
    private static final String CLAUSE_END = ";。!?\n\r";
    private static final Pattern TRAILING_VERB = Pattern.compile("(?:必须|务必|要|应|须)?(?:在|于)?$");
    private static final String SENTENCE_END = "。!?\n\r";

    private DeadlineExtractor() {
    }

    /** What one time expression means. */
    record Reading(TimePhrase.Kind kind, LocalDate date, boolean ambiguous, String note, LocalDate from,
                   boolean recurring) {

        Reading(TimePhrase.Kind kind, LocalDate date, boolean ambiguous) {
            this(kind, date, ambiguous, null, null, false);
        }
    }

    /**
     * Finds the time phrases of a (folded) text, in order, each with its scope.
     *
     * @param bareYearsAreDeadlines true for the text of a 时限 label, where a bare 2018年 can only be a deadline
     */
    static List<TimePhrase> scan(String folded, boolean bareYearsAreDeadlines) {
        return scan(folded, bareYearsAreDeadlines, PlanDates.NONE);
    }

    /**
     * Finds the time phrases of a (folded) text, in order, each with its scope; phrases without a year, recurring
     * and relative ones are placed by the plan's dates.
     */
    static List<TimePhrase> scan(String folded, boolean bareYearsAreDeadlines, PlanDates dates) {
        List<int[]> spans = new ArrayList<>();
        List<Reading> raw = new ArrayList<>();
        Matcher m = TIME.matcher(folded);
        while (m.find()) {
            String pre = by(folded, m.start());
            int start = m.start() - (pre == null ? 0 : pre.length());
            Reading r = interpret(folded, m, pre, start, bareYearsAreDeadlines);
            if (r != null) {
                spans.add(new int[] {start, m.end()});
                raw.add(r);
            }
        }
        PlanTimePhrases.scan(folded, dates == null ? PlanDates.NONE : dates, spans, raw);
        if (raw.isEmpty()) {
            return List.of();
        }
        sortByStart(spans, raw);
        int n = raw.size();
        int[] nextStart = new int[n]; // start of the next START phrase after i
        int following = folded.length();
        for (int i = n - 1; i >= 0; i--) {
            nextStart[i] = following;
            if (raw.get(i).kind() == TimePhrase.Kind.START) {
                following = spans.get(i)[0];
            }
        }
        Boundaries clauses = new Boundaries(folded, CLAUSE_END);
        Boundaries sentences = new Boundaries(folded, SENTENCE_END);
        Boundaries commas = new Boundaries(folded, ",");
        List<TimePhrase> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            Reading r = raw.get(i);
            int scopeEnd;
            if (r.kind() == TimePhrase.Kind.START) {
                scopeEnd = Math.min(sentences.next(end), nextStart[i]);
            } else {
                int clauseEnd = clauses.next(end);
                int next = i + 1 < n ? spans.get(i + 1)[0] : folded.length();
                // one clause, one deliverable: the next time phrase's clause starts at the comma before it
                int comma = next < clauseEnd ? commas.previous(next) : -1;
                scopeEnd = comma >= end ? comma : Math.min(clauseEnd, next);
            }
            out.add(new TimePhrase(r.kind(), r.date(), r.ambiguous(), r.note(), r.from(), r.recurring(),
                start, end, scopeEnd));
        }
        return out;
    }

    /**
     * The deadlines of a text, each with the deliverable it governs.
     *
     * @param original the text as written (deliverables and phrases are cut from it)
     * @param folded   the same text folded, char for char
     * @param warnings receives a message per ambiguous phrase
     */
    static List<Deadline> deadlines(String original, String folded, List<TimePhrase> phrases,
                                    Consumer<String> warnings) {
        if (phrases.isEmpty()) {
            return List.of();
        }
        Set<Deadline> out = new LinkedHashSet<>();
        Boundaries commas = new Boundaries(folded, ",;。!?\n\r");
        int previousEnd = 0;
        for (TimePhrase p : phrases) {
            if (p.kind() != TimePhrase.Kind.DEADLINE) {
                previousEnd = p.end();
                continue;
            }
            String phrase = original.substring(p.start(), p.end());
            if (p.date() == null) {
                warnings.accept("“" + phrase + "” " + (p.note() == null ? "has no date" : p.note()));
                previousEnd = p.end();
                continue;
            }
            out.add(new Deadline(p.date(), phrase, deliverable(original, commas, p, previousEnd), p.ambiguous(),
                p.from(), p.recurring()));
            if (p.note() != null) {
                warnings.accept("“" + phrase + "” " + p.note());
            } else if (p.ambiguous()) {
                warnings.accept("“" + phrase + "” may mean before or by that time; took the earlier date "
                    + p.date());
            }
            previousEnd = p.end();
        }
        return new ArrayList<>(out);
    }

    private static void sortByStart(List<int[]> spans, List<Reading> raw) {
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> spans.get(i)[0]));
        List<int[]> s = new ArrayList<>(order.length);
        List<Reading> r = new ArrayList<>(order.length);
        for (Integer i : order) {
            s.add(spans.get(i));
            r.add(raw.get(i));
        }
        spans.clear();
        spans.addAll(s);
        raw.clear();
        raw.addAll(r);
    }

    private static String deliverable(String original, Boundaries commas, TimePhrase p, int previousEnd) {
        String after = trimPunctuation(original.substring(p.end(), Math.max(p.end(), p.scopeEnd())));
        // 「XX工作于2018年底前完成」: the deliverable stands before the date
        int from = Math.max(previousEnd, commas.previous(p.start()) + 1);
        String written = trimPunctuation(original.substring(Math.min(from, p.start()), p.start()));
        Matcher verb = TRAILING_VERB.matcher(written);
        boolean subjectBefore = verb.find() && verb.start() < verb.end() && verb.start() > 0
            && (written.endsWith("于") || written.endsWith("在"));
        if (after.length() >= 4 && !subjectBefore) {
            return after;
        }
        String before = written.substring(0, verb.start());
        String joined = trimPunctuation(before + after);
        return joined.isEmpty() ? null : joined;
    }

    static String trimPunctuation(String s) {
        int a = 0;
        int b = s.length();
        String junk = ",，;；:：、。 \u3000\t\r\n";
        while (a < b && junk.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && junk.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }

    private static String by(String s, int at) {
        for (String w : BY) {
            if (s.startsWith(w, at - w.length())) {
                return w;
            }
        }
        return null;
    }

    /** @return what the match means, or null when it is neither a deadline nor a start */
    private static Reading interpret(String s, Matcher m, String pre, int start, boolean bareYearsAreDeadlines) {
        int y = Integer.parseInt(m.group("y"));
        String suf = m.group("suf");
        boolean before = "前".equals(suf) || "之前".equals(suf) || "以前".equals(suf);
        boolean starts = "起".equals(suf) || "开始".equals(suf);
        if ("以来".equals(suf) || y < 1949 || y > 2200) {
            return null; // a look back, or not a year
        }
        if (m.group("y2") != null) {
            int y2 = Integer.parseInt(m.group("y2"));
            if (y2 < y || y2 > 2200) {
                return null;
            }
            return starts ? start(LocalDate.of(y, 1, 1))
                : new Reading(TimePhrase.Kind.DEADLINE, LocalDate.of(y2, 12, 31), false, null, LocalDate.of(y, 1, 1),
                    false);
        }
        if (m.group("m") != null) {
            int month = Integer.parseInt(m.group("m"));
            if (month < 1 || month > 12) {
                return null;
            }
            YearMonth ym = YearMonth.of(y, month);
            if (m.group("d") != null) {
                int day = Integer.parseInt(m.group("d"));
                if (day < 1 || day > ym.lengthOfMonth()) {
                    return null;
                }
                LocalDate date = ym.atDay(day);
                if (starts) {
                    return start(date);
                }
                // a bare full date is usually when something happened, not when it is due
                return before || "止".equals(suf) || pre != null ? due(date, false) : null;
            }
            if (starts) {
                return start(ym.atDay(1));
            }
            String ms = m.group("ms");
            if (ms == null) {
                // 9月前: before September or by September; take the earlier reading
                return before ? due(ym.minusMonths(1).atEndOfMonth(), true) : due(ym.atEndOfMonth(), false);
            }
            return due(switch (ms) {
                case "上旬" -> ym.atDay(10);
                case "中旬" -> ym.atDay(20);
                case "中" -> ym.atDay(15);
                default -> ym.atEndOfMonth();
            }, false);
        }
        if (m.group("hol") != null) {
            LocalDate day = Holidays.day(m.group("hol"), y);
            if (!before) {
                return null; // 2019年春节期间: when, not by when
            }
            return day == null ? new Reading(TimePhrase.Kind.DEADLINE, null, false,
                "names a holiday whose date in " + y + " is not known", null, false) : due(day.minusDays(1), false);
        }
        if (m.group("half") != null) {
            return due("下半年".equals(m.group("half")) ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 6, 30), false);
        }
        if (m.group("q") != null) {
            int q = ChineseNumerals.parse(m.group("q"));
            return due(YearMonth.of(y, q * 3).atEndOfMonth(), false);
        }
        if (starts) {
            return start(LocalDate.of(y, 1, 1));
        }
        LocalDate yearEnd = LocalDate.of(y, 12, 31);
        if (m.group("ys") != null) {
            return due(yearEnd, false); // 年底前, 年底, 年末
        }
        if (before) {
            return due(LocalDate.of(y - 1, 12, 31), true); // 2020年前: before 2020 or by 2020
        }
        if (pre != null || "止".equals(suf)) {
            return due(yearEnd, false); // 到2020年
        }
        return bareYearsAreDeadlines || tiedToDeliverable(s, start, m.end()) ? due(yearEnd, false) : null;
    }

    /** 2018年临沧主城区申报…: a year opening a clause, followed by what is to be done in it. */
    private static boolean tiedToDeliverable(String s, int start, int end) {
        char prev = start == 0 ? '\n' : s.charAt(start - 1);
        if (",;。:!?\n\r 于在".indexOf(prev) < 0) {
            return false;
        }
        if (end >= s.length()) {
            return false;
        }
        char next = s.charAt(end);
        if ("度内间的版第和及与、份初-".indexOf(next) >= 0) {
            return false;
        }
        return next == ',' || Character.UnicodeScript.of(next) == Character.UnicodeScript.HAN;
    }

    private static Reading due(LocalDate d, boolean ambiguous) {
        return new Reading(TimePhrase.Kind.DEADLINE, d, ambiguous);
    }

    private static Reading start(LocalDate d) {
        return new Reading(TimePhrase.Kind.START, d, false);
    }
}
