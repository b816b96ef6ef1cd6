package org.rectify.intake.parser;

import java.util.List;

/**
 * One task of a draft plan: a numbered item that carries a responsibility annotation.
 *
 * @param ref             outline reference: section numeral, item numeral in ASCII parentheses, sub-item number
 *                        ({@code 二(三)1}, {@code 四(一)}, {@code 六}); empty for an annotation outside the outline
 * @param title           the heading phrase the item starts with, or null
 * @param text            the item's text without its marker and without the responsibility annotation
 * @param leaders         people or posts named as 责任领导 / 责任人 (not units, so not resolved)
 * @param sourceStart     offset of the task's first character in the parsed text (for highlighting)
 * @param sourceEnd       offset just past the task's last character in the parsed text
 */
public record DraftTask(String ref, String title, String text,
                        List<UnitMention> leadUnits, List<UnitMention> supportingUnits,
                        List<Deadline> deadlines, boolean ongoing, boolean immediate,
                        List<Indicator> indicators, List<Obligation> obligations,
                        List<String> leaders, int sourceStart, int sourceEnd) {

    public DraftTask {
        leadUnits = List.copyOf(leadUnits);
        supportingUnits = List.copyOf(supportingUnits);
        deadlines = List.copyOf(deadlines);
        indicators = List.copyOf(indicators);
        obligations = List.copyOf(obligations);
        leaders = List.copyOf(leaders);
    }
}
