package org.rectify.intake.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads quantitative targets: {@code 绿地率达到36%以上} → (绿地率, >=, 36, %);
 * {@code 95%以上村庄垃圾得到有效治理} → (村庄垃圾得到有效治理, >=, 95, %); {@code 提高到}, {@code 不低于} → >=;
 * {@code 控制在35微克/立方米以内}, {@code 下降到…以下}, {@code 不超过} → <=; {@code 实现100%…} → =.
 * A number counts only with a comparing word or a 以上/以下 after it, so 13件群众举报 is not a target.
 */
final class IndicatorExtractor {

    private static final String UNITS = String.join("|",
        "微克/立方米", "毫克/立方米", "毫克/升", "微克/升", "吨/万元", "立方米/秒", "亿立方米", "万立方米", "立方米",
        "平方公里", "平方千米", "万平方米", "平方米", "个百分点", "百分点", "万千瓦时", "千瓦时", "万千瓦", "千瓦",
        "万公顷", "公顷", "万亩", "亩", "亿吨", "万吨", "吨", "千克", "公斤", "亿元", "万元", "元", "公里", "千米",
        "个工作日", "工作日", "个月", "小时", "天", "分贝", "万人", "人", "万户", "户", "个", "座", "家",
        "处", "所", "套", "台", "辆", "项", "件", "倍", "%", "‰");

    private static final Pattern QUANTITY = Pattern.compile(
        "(?<![A-Za-z0-9.])(\\d+(?:\\.\\d+)?) ?(" + UNITS + ")(及以上|及以下|以上|以下|以内|之内|左右)?");

    /** Words before the number; sorted longest first below, so 不超过 wins over 超过 and 提高到 over 提高. */
    private static final String[][] WORDS = sortedLongestFirst(new String[][] {
        {"不得低于", ">="}, {"不得超过", "<="}, {"不得高于", "<="},
        {"提高到", ">="}, {"提高至", ">="}, {"提升到", ">="}, {"提升至", ">="}, {"增加到", ">="},
        {"增加至", ">="}, {"增长到", ">="}, {"上升到", ">="}, {"恢复到", ">="}, {"达到", ">="},
        {"不低于", ">="}, {"不少于", ">="}, {"不小于", ">="}, {"至少", ">="}, {"高于", ">="},
        {"超过", ">="}, {"大于", ">="},
        {"不超过", "<="}, {"不高于", "<="}, {"不大于", "<="}, {"低于", "<="}, {"小于", "<="},
        {"控制在", "<="}, {"下降到", "<="}, {"下降至", "<="}, {"降低到", "<="}, {"降低至", "<="},
        {"降到", "<="}, {"降至", "<="}, {"减少到", "<="}, {"减少至", "<="}, {"削减到", "<="},
        {"稳定在", "="}, {"保持在", "="}, {"实现", "="}, {"达", ">="}, {"为", "="},
        // "by" forms: 下降15% is a reduction of at least 15 %, named after the change
        {"下降", "+>="}, {"降低", "+>="}, {"减少", "+>="}, {"削减", "+>="}, {"提高", "+>="},
        {"提升", "+>="}, {"增长", "+>="}, {"增加", "+>="},
    });

    /** Words that open a target clause but are not part of the indicator's name. */
    private static final List<String> LEADING = List.of(
        "确保", "力争", "争取", "使", "实现", "全面", "基本", "到", "全市", "全省", "全州", "全县", "全区", "全国");
    /** A scope before the name: 城市建成区绿地率 → 绿地率, 规模养殖场畜禽粪便综合利用率 → 畜禽粪便综合利用率. */
    private static final Pattern SCOPE = Pattern.compile("^.*?(?:建成区|养殖场|范围内|区域内)(?=..)");
    /** Words that close the name but belong to the verb: 森林覆盖率要达到 → 森林覆盖率. */
    private static final List<String> TRAILING = List.of(
        "要", "应", "须", "需", "必须", "将", "均", "分别", "稳定", "持续", "逐步", "力争", "确保", "以上");

    private static final String BOUNDARY = ",;:。!?、\n\r";
    /** No indicator name is longer; bounds the work per number on text without punctuation. */
    private static final int MAX_NAME = 120;

    private IndicatorExtractor() {
    }

    private static String[][] sortedLongestFirst(String[][] words) {
        String[][] sorted = words.clone();
        java.util.Arrays.sort(sorted, (a, b) -> b[0].length() - a[0].length()); // stable: ties keep their order
        return sorted;
    }

    static List<Indicator> extract(String original, String folded, List<TimePhrase> phrases) {
        List<Indicator> out = new ArrayList<>();
        Boundaries clauses = null; // built on the first number: most texts have none
        Matcher m = QUANTITY.matcher(folded);
        while (m.find()) {
            if (clauses == null) {
                clauses = new Boundaries(folded, BOUNDARY);
            }
            int numStart = m.start(1);
            int clauseStart = Math.max(numStart - MAX_NAME,
                TimePhrase.lastEndBetween(phrases, clauses.previous(numStart) + 1, numStart));
            String before = folded.substring(clauseStart, numStart).stripTrailing();
            String comparator = null;
            String word = null;
            for (String[] w : WORDS) {
                if (before.endsWith(w[0])) {
                    word = w[0];
                    comparator = w[1];
                    break;
                }
            }
            String qualifier = m.group(3);
            if (comparator == null && qualifier == null) {
                continue;
            }
            boolean change = comparator != null && comparator.startsWith("+");
            if (change) {
                comparator = comparator.substring(1);
            }
            if (qualifier != null) {
                comparator = switch (qualifier) {
                    case "以上", "及以上" -> ">=";
                    case "左右" -> "=";
                    default -> "<=";
                };
            }
            String subject = word == null ? before : before.substring(0, before.length() - word.length());
            int nameEndInOriginal;
            int phraseStart = clauseStart;
            String name = subjectName(subject);
            if (name.isEmpty()) {
                // 95%以上村庄垃圾得到有效治理: what the share applies to follows the number
                int afterEnd = Math.min(clauses.next(m.end()), m.end() + MAX_NAME);
                name = DeadlineExtractor.trimPunctuation(original.substring(m.end(), afterEnd));
                if (name.startsWith("的")) {
                    name = name.substring(1);
                }
                nameEndInOriginal = afterEnd;
            } else {
                if (change) {
                    name = name + word;
                }
                nameEndInOriginal = m.end();
            }
            String phrase = DeadlineExtractor.trimPunctuation(original.substring(phraseStart, nameEndInOriginal));
            if (name.isEmpty()) {
                name = phrase;
            }
            out.add(new Indicator(name, comparator, new BigDecimal(m.group(1)), m.group(2),
                TimePhrase.dueAt(phrases, numStart), phrase));
        }
        return out;
    }

    private static String subjectName(String subject) {
        String s = DeadlineExtractor.trimPunctuation(subject);
        s = stripLeading(s, LEADING);
        s = SCOPE.matcher(s).replaceFirst("");
        s = stripTrailing(s, TRAILING);
        return DeadlineExtractor.trimPunctuation(s);
    }

    // loops rather than (?:a|b)+ patterns, which recurse per repetition and can overflow on long input
    private static String stripLeading(String s, List<String> words) {
        boolean again = true;
        while (again) {
            again = false;
            for (String w : words) {
                if (s.startsWith(w)) {
                    s = s.substring(w.length());
                    again = true;
                }
            }
        }
        return s;
    }

    private static String stripTrailing(String s, List<String> words) {
        boolean again = true;
        while (again) {
            again = false;
            for (String w : words) {
                if (s.endsWith(w)) {
                    s = s.substring(0, s.length() - w.length());
                    again = true;
                }
            }
        }
        return s;
    }
}
