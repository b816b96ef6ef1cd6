package org.rectify.intake.parser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads recurring duties: {@code 每年研究部署环境保护工作不少于4次} → at least 4 per year;
 * {@code 每季度至少召开一次} → at least 1 per quarter; a {@code 2017年起} in the same sentence sets the start.
 * A stated frequency without 至少/不少于 ({@code 每月召开一次}) is read as a minimum as well.
 */
final class ObligationExtractor {

    private static final Pattern PERIOD = Pattern.compile("每个?(周|星期|月|季度|季|半年|年度|年)");
    private static final Pattern COUNT = Pattern.compile("(?<![第\\d])(\\d{1,4}|[一二两三四五六七八九十]{1,3}) ?(?:次|回)(?!性)");
    private static final Pattern MINIMUM = Pattern.compile("不得少于|不少于|至少|最少|不低于");
    private static final String BOUNDARY = ",;:。!?\n\r";
    /** No duty is worded longer; bounds the work per match on text without punctuation. */
    private static final int MAX_CLAUSE = 200;

    private ObligationExtractor() {
    }

    static List<Obligation> extract(String original, String folded, List<TimePhrase> phrases,
                                    Consumer<String> warnings) {
        Matcher m = PERIOD.matcher(folded);
        boolean more = m.find();
        if (!more) {
            return List.of();
        }
        List<Obligation> out = new ArrayList<>();
        Boundaries clauses = new Boundaries(folded, BOUNDARY);
        List<TimePhrase> starts = phrases.stream().filter(p -> p.kind() == TimePhrase.Kind.START).toList();
        Matcher c = COUNT.matcher(folded);
        int previousEnd = 0; // end of the last duty read: a clause holding two duties is split between them
        while (more) {
            int periodStart = m.start();
            int periodEnd = m.end();
            String unit = m.group(1);
            more = m.find();
            int nextPeriod = more ? m.start() : folded.length();
            // the count belongs to the nearest period before it: 每年…不少于4次
            int clauseEnd = Math.min(Math.min(clauses.next(periodEnd), nextPeriod), periodEnd + MAX_CLAUSE);
            c.region(periodEnd, clauseEnd);
            if (!c.find()) {
                continue; // 每年增加投入: recurring, but nothing to count
            }
            int clauseStart = Math.max(Math.max(periodStart - MAX_CLAUSE, previousEnd),
                TimePhrase.lastEndBetween(phrases, clauses.previous(periodStart) + 1, periodStart));
            int boundary = clauses.next(periodEnd);
            // another duty in the same clause takes the words after this count as its subject
            int phraseEnd = nextPeriod < boundary ? c.end() : Math.min(boundary, c.end() + MAX_CLAUSE);
            String per = switch (unit) {
                case "周", "星期" -> "week";
                case "月" -> "month";
                case "季度", "季" -> "quarter";
                case "半年" -> null;
                default -> "year";
            };
            String phrase = DeadlineExtractor.trimPunctuation(original.substring(clauseStart, phraseEnd));
            if (per == null) {
                warnings.accept("half-yearly duty not recorded as an obligation: " + phrase);
                continue;
            }
            int atLeast = ChineseNumerals.parse(c.group(1));
            if (atLeast <= 0) {
                continue;
            }
            out.add(new Obligation(subject(original, folded, clauseStart, phraseEnd, periodStart, periodEnd,
                c.start(), c.end()), atLeast, per, from(periodStart, starts), phrase));
            previousEnd = c.end();
        }
        return out;
    }

    /** The clause without its period, its minimum word and its count: 市委常委会议…研究部署环境保护工作. */
    private static String subject(String original, String folded, int from, int to, int periodStart, int periodEnd,
                                  int countStart, int countEnd) {
        boolean[] drop = new boolean[to - from];
        mark(drop, from, periodStart, periodEnd);
        mark(drop, from, countStart, countEnd);
        Matcher w = MINIMUM.matcher(folded).region(from, to);
        while (w.find()) {
            mark(drop, from, w.start(), w.end());
        }
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (!drop[i - from]) {
                b.append(original.charAt(i));
            }
        }
        return DeadlineExtractor.trimPunctuation(b.toString());
    }

    private static void mark(boolean[] drop, int base, int start, int end) {
        for (int i = start; i < end; i++) {
            if (i - base >= 0 && i - base < drop.length) {
                drop[i - base] = true;
            }
        }
    }

    /** The start in force at {@code at}: only the last 起 before it can be, since its scope ends at the next. */
    private static LocalDate from(int at, List<TimePhrase> starts) {
        int i = TimePhrase.lastStartingAtOrBefore(starts, at - 1);
        return i >= 0 && starts.get(i).governs(at) ? starts.get(i).date() : null;
    }
}
