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

    private ObligationExtractor() {
    }

    static List<Obligation> extract(String original, String folded, List<TimePhrase> phrases,
                                    Consumer<String> warnings) {
        List<Obligation> out = new ArrayList<>();
        Matcher m = PERIOD.matcher(folded);
        while (m.find()) {
            int clauseStart = DeadlineExtractor.lastIndexOfAny(folded, BOUNDARY, m.start()) + 1;
            for (TimePhrase p : phrases) {
                if (p.end() <= m.start() && p.end() > clauseStart) {
                    clauseStart = p.end(); // 2017年起市委常委会议…: the subject starts after the date
                }
            }
            int clauseEnd = DeadlineExtractor.indexOfAny(folded, BOUNDARY, m.end());
            Matcher c = COUNT.matcher(folded).region(m.end(), clauseEnd);
            if (!c.find()) {
                continue; // 每年增加投入: recurring, but nothing to count
            }
            String per = switch (m.group(1)) {
                case "周", "星期" -> "week";
                case "月" -> "month";
                case "季度", "季" -> "quarter";
                case "半年" -> null;
                default -> "year";
            };
            String phrase = DeadlineExtractor.trimPunctuation(original.substring(clauseStart, clauseEnd));
            if (per == null) {
                warnings.accept("half-yearly duty not recorded as an obligation: " + phrase);
                continue;
            }
            int atLeast = ChineseNumerals.parse(c.group(1));
            if (atLeast <= 0) {
                continue;
            }
            out.add(new Obligation(subject(original, folded, clauseStart, clauseEnd, m, c), atLeast, per,
                from(m.start(), phrases), phrase));
        }
        return out;
    }

    /** The clause without its period, its minimum word and its count: 市委常委会议…研究部署环境保护工作. */
    private static String subject(String original, String folded, int from, int to, Matcher period, Matcher count) {
        boolean[] drop = new boolean[to - from];
        mark(drop, from, period.start(), period.end());
        mark(drop, from, count.start(), count.end());
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

    private static LocalDate from(int at, List<TimePhrase> phrases) {
        LocalDate from = null;
        for (TimePhrase p : phrases) {
            if (p.kind() == TimePhrase.Kind.START && p.start() < at && p.governs(at)) {
                from = p.date();
            }
        }
        return from;
    }
}
