package org.rectify.intake.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A responsibility annotation such as {@code （责任单位：市财政局；配合单位：市审计局）}, or the same without
 * parentheses at the start of a line. Works on folded text, so full-width and ASCII punctuation mix freely.
 *
 * @param start    offset of the opening parenthesis (or of the label, without one)
 * @param end      offset just past the closing parenthesis (or the end of the annotated run)
 * @param segments labelled parts in order
 * @param closed   false when the parenthesis was never closed on its line
 */
public record ResponsibilityAnnotation(int start, int end, List<Segment> segments, boolean closed) {

    public enum Role { LEAD, SUPPORTING, LEADER, TIME_LIMIT }

    /** One labelled part: {@code 配合单位：市审计局、环境保护局} = (SUPPORTING, 配合单位, 市审计局、环境保护局). */
    public record Segment(Role role, String label, String text) {
    }

    private static final String LEAD = "主要责任单位|责任单位|牵头单位|主责单位|主办单位|牵头部门|责任部门";
    private static final String SUPPORTING = "配合单位|协办单位|协助单位|参与单位|协同单位|协作单位|配合部门|协办部门";
    private static final String LEADER = "责任领导|牵头领导|分管领导|责任人";
    private static final String TIME_LIMIT = "整改时限|完成时限|整改期限|完成时间|时限";
    private static final Pattern LABEL = Pattern.compile(
        "(" + LEAD + "|" + SUPPORTING + "|" + LEADER + "|" + TIME_LIMIT + ") *:");
    /** All labels, longest first, for matching backwards from a colon. */
    private static final String[] LABELS = java.util.Arrays.stream(
            (LEAD + "|" + SUPPORTING + "|" + LEADER + "|" + TIME_LIMIT).split("\\|"))
        .sorted((a, b) -> b.length() - a.length()).toArray(String[]::new);

    public ResponsibilityAnnotation {
        segments = List.copyOf(segments);
    }

    /** The text of all segments with the given role, in order. */
    public List<String> texts(Role role) {
        List<String> out = new ArrayList<>();
        for (Segment s : segments) {
            if (s.role() == role) {
                out.add(s.text());
            }
        }
        return out;
    }

    /** Finds every annotation in folded text, left to right, not overlapping. */
    public static List<ResponsibilityAnnotation> findAll(String folded) {
        List<ResponsibilityAnnotation> found = new ArrayList<>();
        int searchFrom = 0;
        int lineEnd = -1;
        // every label ends in a colon, and colons are rare: look for labels only before them
        for (int colon = folded.indexOf(':'); colon >= 0; colon = folded.indexOf(':', colon + 1)) {
            int labelStart = labelBefore(folded, colon);
            if (labelStart < searchFrom) {
                continue; // no label, or inside the annotation found last
            }
            if (labelStart > lineEnd) { // found once per line, so long lines stay linear
                lineEnd = folded.indexOf('\n', labelStart);
                if (lineEnd < 0) {
                    lineEnd = folded.length();
                }
            }
            int b = labelStart - 1;
            while (b >= 0 && folded.charAt(b) == ' ') {
                b--;
            }
            ResponsibilityAnnotation a = null;
            if (b >= 0 && folded.charAt(b) == '(') {
                a = parenthesised(folded, b, labelStart, lineEnd);
            } else if (b < 0 || "\n\r。;)".indexOf(folded.charAt(b)) >= 0) {
                a = bare(folded, labelStart, lineEnd);
            }
            if (a == null) {
                continue; // e.g. 各责任单位: is running text, not an annotation
            }
            found.add(a);
            searchFrom = Math.max(a.end(), colon + 1);
        }
        return found;
    }

    /** Start of the label that ends (before optional spaces) at this colon, or -1. */
    private static int labelBefore(String s, int colon) {
        int end = colon;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        for (String label : LABELS) {
            if (s.startsWith(label, end - label.length())) {
                return end - label.length();
            }
        }
        return -1;
    }

    private static ResponsibilityAnnotation parenthesised(String s, int open, int contentStart, int lineEnd) {
        int depth = 1;
        for (int i = open + 1; i < lineEnd; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return new ResponsibilityAnnotation(open, i + 1, segments(s.substring(contentStart, i)), true);
            }
        }
        int end = trimEnd(s, contentStart, lineEnd);
        return new ResponsibilityAnnotation(open, end, segments(s.substring(contentStart, end)), false);
    }

    private static ResponsibilityAnnotation bare(String s, int labelStart, int lineEnd) {
        int end = labelStart;
        while (end < lineEnd && s.charAt(end) != '。') {
            end++;
        }
        end = trimEnd(s, labelStart, end);
        return new ResponsibilityAnnotation(labelStart, end, segments(s.substring(labelStart, end)), true);
    }

    private static int trimEnd(String s, int from, int end) {
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static List<Segment> segments(String content) {
        List<Segment> out = new ArrayList<>();
        Matcher m = LABEL.matcher(content);
        String label = null;
        int textStart = 0;
        while (m.find()) {
            if (label != null) {
                out.add(new Segment(role(label), label, content.substring(textStart, m.start())));
            }
            label = m.group(1);
            textStart = m.end();
        }
        if (label != null) {
            out.add(new Segment(role(label), label, content.substring(textStart)));
        }
        return out;
    }

    private static Role role(String label) {
        if (("|" + SUPPORTING + "|").contains("|" + label + "|")) {
            return Role.SUPPORTING;
        }
        if (("|" + LEADER + "|").contains("|" + label + "|")) {
            return Role.LEADER;
        }
        if (("|" + TIME_LIMIT + "|").contains("|" + label + "|")) {
            return Role.TIME_LIMIT;
        }
        return Role.LEAD;
    }
}
