package org.rectify.intake.internal;

import org.rectify.intake.PlanIntake;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.DraftTask;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.UnitMention;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One task of a draft as the review screen shows and edits it: what the parser (or a spreadsheet row) made
 * of it, plus what the office adds (measures, the responsible person). Stored as JSON, one row per card.
 *
 * @param finding     the 反馈问题 column of a spreadsheet row (shown for reference; not stored with the task)
 * @param responsible the one responsible person, as written (张三, or 张三（副局长）)
 * @param leaders     people or posts the plan names as 责任领导 / 责任人
 * @param warnings    what the reviewer should look at (cleared when the card is saved)
 * @param sourceStart offset of the card's first character in the draft's source text
 * @param sourceEnd   offset just past its last character
 * @param row         the spreadsheet row the card came from, or null
 */
public record DraftCard(String ref, String title, String text, String measures, String finding, String responsible,
                 List<UnitMention> leadUnits, List<UnitMention> supportingUnits, List<Deadline> deadlines,
                 boolean ongoing, boolean immediate, List<Indicator> indicators, List<Obligation> obligations,
                 List<String> leaders, List<String> warnings, int sourceStart, int sourceEnd, Integer row) {

    public DraftCard {
        ref = ref == null ? "" : ref;
        leadUnits = copy(leadUnits);
        supportingUnits = copy(supportingUnits);
        deadlines = copy(deadlines);
        indicators = copy(indicators);
        obligations = copy(obligations);
        leaders = copy(leaders);
        warnings = copy(warnings);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A parsed task, with the warnings the parser gave for it. */
    static DraftCard of(DraftTask t, List<String> warnings) {
        String responsible = t.leaders().size() == 1 ? t.leaders().get(0) : null;
        return new DraftCard(t.ref(), t.title(), t.text(), null, null, responsible, t.leadUnits(),
                t.supportingUnits(), t.deadlines(), t.ongoing(), t.immediate(), t.indicators(), t.obligations(),
                t.leaders(), warnings, t.sourceStart(), t.sourceEnd(), null);
    }

    /** The card in the parser's terms, for the output contract and for publishing. */
    DraftTask toDraftTask() {
        return new DraftTask(ref, title, text == null ? "" : text, leadUnits, supportingUnits, deadlines, ongoing,
                immediate, indicators, obligations, leaders, sourceStart, sourceEnd);
    }

    PlanIntake.TaskDetails details() {
        return new PlanIntake.TaskDetails(measures, responsible);
    }

    /** The unit mentions the unit tree did not resolve, lead units first, each name once. */
    List<String> unresolved() {
        List<String> out = new ArrayList<>();
        for (UnitMention m : allUnits()) {
            if (m.unitId() == null && !out.contains(m.name())) {
                out.add(m.name());
            }
        }
        return out;
    }

    List<UnitMention> allUnits() {
        List<UnitMention> all = new ArrayList<>(leadUnits);
        all.addAll(supportingUnits);
        return all;
    }

    DraftCard withUnits(UnaryOperator<UnitMention> change) {
        return new DraftCard(ref, title, text, measures, finding, responsible,
                leadUnits.stream().map(change).toList(), supportingUnits.stream().map(change).toList(),
                deadlines, ongoing, immediate, indicators, obligations, leaders, warnings, sourceStart, sourceEnd, row);
    }

    /** The card with what the reviewer typed; the source span and row stay, the warnings are done with. */
    DraftCard edited(String ref, String title, String text, String measures, String responsible,
                     List<UnitMention> leadUnits, List<UnitMention> supportingUnits, List<Deadline> deadlines,
                     boolean ongoing, List<Indicator> indicators, List<Obligation> obligations) {
        return new DraftCard(ref, title, text, measures, finding, responsible, leadUnits, supportingUnits,
                deadlines, ongoing, immediate, indicators, obligations, leaders, List.of(), sourceStart, sourceEnd, row);
    }
}
