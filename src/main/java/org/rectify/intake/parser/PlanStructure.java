package org.rectify.intake.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plan into its outline: sections {@code 一、}, items {@code （一）}/{@code (一)}, sub-items
 * {@code 1.}/{@code 1．}/{@code 1、}. Markers count only at the start of a line, because inside running text
 * {@code 一、二级} or {@code (一)} are words, not structure. Text before the first marker (title, preamble)
 * and from an {@code 附件} line on are loose regions outside the outline.
 */
final class PlanStructure {

    enum Kind {
        LOOSE(0), SECTION(1), ITEM(2), SUB_ITEM(3);

        final int level;

        Kind(int level) {
            this.level = level;
        }
    }

    /**
     * One outline node. Offsets are into the parsed text.
     * {@code start}: first char of the marker; {@code contentStart}: first char after it;
     * {@code ownEnd}: where the next node of any level begins; {@code end}: where its subtree ends.
     */
    record Node(Kind kind, String ref, int start, int contentStart, int ownEnd, int end) {
    }

    private PlanStructure() {
    }

    /** @param folded the plan text after {@link TextFold#fold(String)} */
    static List<Node> split(String folded) {
        List<int[]> marks = new ArrayList<>(); // {start, contentStart, kindOrdinal}
        List<String> refs = new ArrayList<>();
        String section = null;
        String item = null;
        marks.add(new int[] {0, 0, Kind.LOOSE.ordinal()});
        refs.add("");
        int len = folded.length();
        int lineStart = 0;
        while (lineStart <= len) {
            int nl = folded.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? len : nl;
            int p = lineStart;
            while (p < lineEnd && (folded.charAt(p) == ' ' || folded.charAt(p) == '\r')) {
                p++;
            }
            Heading h = heading(folded, p, lineEnd);
            if (h != null) {
                String ref;
                switch (h.kind) {
                    case SECTION -> {
                        section = h.label;
                        item = null;
                        ref = section;
                    }
                    case ITEM -> {
                        item = h.label;
                        ref = nz(section) + "(" + item + ")";
                    }
                    case SUB_ITEM -> ref = nz(section) + (item == null ? "" : "(" + item + ")") + h.label;
                    default -> {
                        section = null;
                        item = null;
                        ref = "";
                    }
                }
                marks.add(new int[] {p, h.contentStart, h.kind.ordinal()});
                refs.add(ref);
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        List<Node> nodes = new ArrayList<>(marks.size());
        for (int i = 0; i < marks.size(); i++) {
            int[] m = marks.get(i);
            Kind kind = Kind.values()[m[2]];
            int ownEnd = i + 1 < marks.size() ? marks.get(i + 1)[0] : len;
            int end = ownEnd;
            if (kind != Kind.LOOSE) { // loose regions never have children
                end = len;
                for (int j = i + 1; j < marks.size(); j++) {
                    if (Kind.values()[marks.get(j)[2]].level <= kind.level) {
                        end = marks.get(j)[0];
                        break;
                    }
                }
            }
            nodes.add(new Node(kind, refs.get(i), m[0], m[1], ownEnd, end));
        }
        return nodes;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private record Heading(Kind kind, String label, int contentStart) {
    }

    private static Heading heading(String s, int p, int lineEnd) {
        if (p >= lineEnd) {
            return null;
        }
        char c = s.charAt(p);
        // 一、 / 一.
        int q = p;
        while (q < lineEnd && q - p < 6 && isOutlineNumeral(s.charAt(q))) { // up to 一百二十三、
            q++;
        }
        if (q > p && q < lineEnd && (s.charAt(q) == '、' || s.charAt(q) == '.')
            && ChineseNumerals.parse(s.substring(p, q)) > 0) {
            return new Heading(Kind.SECTION, s.substring(p, q), q + 1);
        }
        // (一)
        if (c == '(') {
            q = p + 1;
            while (q < lineEnd && q - p <= 6 && isOutlineNumeral(s.charAt(q))) {
                q++;
            }
            if (q > p + 1 && q < lineEnd && s.charAt(q) == ')'
                && ChineseNumerals.parse(s.substring(p + 1, q)) > 0) {
                return new Heading(Kind.ITEM, s.substring(p + 1, q), q + 1);
            }
        }
        // 1. / 1、 / 120、 (but not 1.5 or 2017. or 1、5)
        if (c >= '0' && c <= '9') {
            q = p;
            while (q < lineEnd && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
                q++;
            }
            // up to 4 digits with 、 (a task table of a province numbers past 99), else up to 2
            if (q < lineEnd && (q - p <= 2 && s.charAt(q) == '.' || q - p <= 4 && s.charAt(q) == '、')
                && !(q + 1 < lineEnd && Character.isDigit(s.charAt(q + 1)))) {
                int n = Integer.parseInt(s.substring(p, q));
                if (n > 0) {
                    return new Heading(Kind.SUB_ITEM, Integer.toString(n), q + 1);
                }
            }
        }
        // 附件 / 附件1: starts the appendix, which is outside the outline
        if (s.startsWith("附件", p)) {
            int a = p + 2;
            if (a >= lineEnd || s.charAt(a) == ':' || s.charAt(a) == ' ' || s.charAt(a) == '、'
                || Character.isDigit(s.charAt(a)) || isOutlineNumeral(s.charAt(a))) {
                return new Heading(Kind.LOOSE, "", p);
            }
        }
        return null;
    }

    private static boolean isOutlineNumeral(char c) {
        return c != '两' && ChineseNumerals.isNumeralChar(c);
    }
}
