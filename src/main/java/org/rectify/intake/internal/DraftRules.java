package org.rectify.intake.internal;

import org.rectify.intake.PlanHeader;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.UnitMention;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The rules of a draft's task while it is reviewed, without Spring or a database: what a save fills in, what a task
 * must have to be saved (each broken rule at its field), and how resolving a unit mention changes a task.
 */
final class DraftRules {

    static final Set<String> COMPARATORS = Set.of(">=", "<=", "=");
    static final Set<String> PERIODS = Set.of("week", "month", "quarter", "year");
    static final int MAX_TITLE = 200;

    private DraftRules() {
    }

    /** Fills in what a save may leave out: a deadline's wording, trimmed texts; a unit named twice is named once. */
    static DraftCard normalised(DraftCard c) {
        List<Deadline> deadlines = c.deadlines().stream()
                .map(d -> d.deliverable() == null && (d.phrase() == null || d.phrase().isBlank()) && d.date() != null
                        ? new Deadline(d.date(), ChineseDates.due(d.date()), null, d.ambiguous()) : d)
                .toList();
        return new DraftCard(strip(c.ref()), blankToNull(c.title()), strip(c.text()), blankToNull(c.measures()),
                c.finding(), blankToNull(c.responsible()), distinct(c.leadUnits()), distinct(c.supportingUnits()),
                deadlines, c.ongoing(), c.immediate(), c.indicators(), c.obligations(), c.leaders(), c.warnings(),
                c.sourceStart(), c.sourceEnd(), c.row());
    }

    /**
     * A name the reviewer resolved by hand (mentions keep the plan's words) stays resolved when its card is saved
     * again with the same words.
     */
    static DraftCard keepingChosenUnits(DraftCard card, DraftCard before) {
        Map<String, UnitMention> resolved = new HashMap<>();
        for (UnitMention m : before.allUnits()) {
            if (m.unitId() != null) {
                resolved.putIfAbsent(m.name(), m);
            }
        }
        return card.withUnits(m -> m.unitId() == null ? resolved.getOrDefault(m.name(), m) : m);
    }

    /** The broken rules of task {@code cardId} of {@code draft} if saved as {@code c}: field → bundle key. */
    static Map<String, String> problems(DraftCard c, StoredDraft draft, long cardId) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.ref().isBlank()) {
            errors.put("ref", "intake.card.refRequired");
        } else if (c.ref().length() > BreakdownImport.MAX_REF) {
            errors.put("ref", "intake.card.refTooLong");
        } else if (draft.cards().stream().anyMatch(o -> o.id() != cardId && o.card().ref().equals(c.ref()))) {
            errors.put("ref", "intake.card.refRepeated");
        }
        if (c.title() != null && c.title().length() > MAX_TITLE) {
            errors.put("title", "intake.card.titleTooLong");
        }
        if (c.text() == null || c.text().isBlank()) {
            errors.put("text", "intake.card.textRequired");
        }
        for (int i = 0; i < c.deadlines().size(); i++) {
            if (c.deadlines().get(i).date() == null) {
                errors.put("deadlines[" + i + "]", "intake.card.deadlineIncomplete");
            }
        }
        for (int i = 0; i < c.indicators().size(); i++) {
            Indicator ind = c.indicators().get(i);
            if (ind.name() == null || ind.name().isBlank() || ind.value() == null || !COMPARATORS.contains(ind.comparator())) {
                errors.put("indicators[" + i + "]", "intake.card.indicatorIncomplete");
            }
        }
        for (int i = 0; i < c.obligations().size(); i++) {
            Obligation o = c.obligations().get(i);
            if (o.subject() == null || o.subject().isBlank() || o.atLeast() < 1 || !PERIODS.contains(o.per())) {
                errors.put("obligations[" + i + "]", "intake.card.obligationIncomplete");
            }
        }
        return errors;
    }

    /** A task whose mentions {@code change} rewrote, and how many unresolved mentions it resolved. */
    record Resolved(DraftCard card, int count) {
    }

    /** Applies {@code change} to every unit mention of the task; two mentions now naming one unit become one. */
    static Resolved resolve(DraftCard card, UnaryOperator<UnitMention> change) {
        int[] count = {0};
        DraftCard changed = card.withUnits(m -> {
            UnitMention n = change.apply(m);
            if (m.unitId() == null && n.unitId() != null) {
                count[0]++;
            }
            return n;
        });
        return new Resolved(count[0] == 0 ? card : withDistinctUnits(changed), count[0]);
    }

    private static DraftCard withDistinctUnits(DraftCard card) {
        return new DraftCard(card.ref(), card.title(), card.text(), card.measures(), card.finding(), card.responsible(),
                distinct(card.leadUnits()), distinct(card.supportingUnits()), card.deadlines(), card.ongoing(),
                card.immediate(), card.indicators(), card.obligations(), card.leaders(), card.warnings(),
                card.sourceStart(), card.sourceEnd(), card.row());
    }

    /** Two mentions resolved to the same unit (or group) are one; unresolved ones are one per name. */
    static List<UnitMention> distinct(List<UnitMention> units) {
        Map<String, UnitMention> out = new LinkedHashMap<>();
        units.forEach(u -> out.putIfAbsent(u.unitId() == null ? "?" + u.name() : (u.group() ? "g" : "u") + u.unitId(), u));
        return List.copyOf(out.values());
    }

    /** The header as the office typed it, blanks as absent. */
    static PlanHeader tidy(PlanHeader h) {
        return new PlanHeader(blankToNull(h.inspectionName()), blankToNull(h.inspectionTeam()), h.feedbackDate(),
                blankToNull(h.planTitle()), blankToNull(h.issuingBody()), h.issuedOn());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
