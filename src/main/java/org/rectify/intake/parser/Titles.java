package org.rectify.intake.parser;

import java.util.regex.Pattern;

/** Finds titles: of the plan (in the text before the outline) and of an item (its heading phrase). */
public final class Titles {

    private static final int MAX_HEADING = 30;
    private static final Pattern NOISE = Pattern.compile(
        ">>|»|^(?:首页|当前位置|您的位置|您现在的位置)|文章来源|来源:|点击[量数率]|浏览次数|阅读次数|^(?:发布)?时间:|^打印|^关闭");
    private static final Pattern PLAN_WORD = Pattern.compile(
        "(?:方案|规划|计划|意见|通知|办法|清单|措施|细则|要点|报告|决定)(?:\\(.*\\))?$");

    private Titles() {
    }

    /**
     * The plan title: the first line of the text before the outline that reads like a document title,
     * skipping web-page noise (breadcrumbs, the 时间:…|文章来源:… line).
     */
    static String planTitle(String original, String folded, int from, int to) {
        String fallback = null;
        int lineStart = from;
        while (lineStart < to) {
            int nl = folded.indexOf('\n', lineStart);
            int lineEnd = nl < 0 || nl > to ? to : nl;
            String f = folded.substring(lineStart, lineEnd).strip();
            if (!f.isEmpty() && f.length() <= 80 && !NOISE.matcher(f).find()
                && !f.endsWith("。") && f.indexOf(',') < 0 && f.indexOf(';') < 0) {
                String line = original.substring(lineStart, lineEnd).strip();
                if (PLAN_WORD.matcher(f).find()) {
                    return line;
                }
                if (fallback == null && f.length() >= 6) {
                    fallback = line;
                }
            }
            lineStart = lineEnd + 1;
        }
        return fallback;
    }

    /**
     * The heading phrase an item starts with, ending at the first 。 (or at the end of its line):
     * {@code 强化决策部署。认真落实…} → 强化决策部署. Null when the first sentence is not a heading
     * (too long, or with commas: 市委督查室、市政府督查室,市环境保护督察工作领导小组办公室要…).
     */
    public static String heading(String text) {
        if (text == null) {
            return null;
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        int stop = line.indexOf('。');
        String candidate = (stop < 0 ? line : line.substring(0, stop)).strip();
        if (candidate.isEmpty() || candidate.length() > MAX_HEADING) {
            return null;
        }
        String f = TextFold.fold(candidate);
        for (char c : new char[] {',', ';', ':', '!', '?'}) {
            if (f.indexOf(c) >= 0) {
                return null;
            }
        }
        return candidate;
    }
}
