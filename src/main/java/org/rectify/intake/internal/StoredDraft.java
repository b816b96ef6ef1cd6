package org.rectify.intake.internal;

import org.rectify.intake.PlanHeader;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.ParseWarning;
import org.rectify.intake.parser.UnresolvedMention;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A draft under review, as stored: its source, the plan header, and its tasks in order. */
public record StoredDraft(long id, int version, SourceKind kind, String sourceName, String sourceText, String parsedTitle,
                   PlanHeader header, List<ParseWarning> warnings, long ownerUnitId, String createdBy,
                   OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt, Long publishedPlanId,
                   String publishedBy, OffsetDateTime publishedAt, List<StoredCard> cards) {

    public StoredDraft {
        warnings = List.copyOf(warnings);
        cards = List.copyOf(cards);
    }

    /** The title the plan is published under: the office's, else the one the parser found. */
    public String planTitle() {
        String given = header.planTitle();
        return given != null && !given.isBlank() ? given.strip() : parsedTitle == null ? null : parsedTitle.strip();
    }

    public PlanHeader effectiveHeader() {
        return new PlanHeader(blankToNull(header.inspectionName()), blankToNull(header.inspectionTeam()),
                header.feedbackDate(), planTitle(), blankToNull(header.issuingBody()), header.issuedOn());
    }

    Optional<StoredCard> card(long cardId) {
        return cards.stream().filter(c -> c.id() == cardId).findFirst();
    }

    /** Each unresolved mention with the refs of the tasks naming it, in order of first appearance. */
    Map<String, List<StoredCard>> unresolvedByMention() {
        Map<String, List<StoredCard>> out = new LinkedHashMap<>();
        for (StoredCard c : cards) {
            for (String m : c.card().unresolved()) {
                out.computeIfAbsent(m, k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    /** Every (task, mention) pair not resolved: what blocks publishing. */
    List<UnresolvedMention> unresolved() {
        List<UnresolvedMention> out = new ArrayList<>();
        for (StoredCard c : cards) {
            c.card().unresolved().forEach(m -> out.add(new UnresolvedMention(c.card().ref(), m)));
        }
        return out;
    }

    /** The plan's warnings and each task's, in task order. */
    List<ParseWarning> allWarnings() {
        List<ParseWarning> out = new ArrayList<>(warnings);
        for (StoredCard c : cards) {
            c.card().warnings().forEach(w -> out.add(new ParseWarning(c.card().ref(), w)));
        }
        return out;
    }

    /** The draft in the parser's terms (the output contract of {@code POST /api/intake/plan-text}). */
    DraftPlan toDraftPlan() {
        return new DraftPlan(planTitle(), cards.stream().map(c -> c.card().toDraftTask()).toList(), unresolved(),
                allWarnings());
    }

    public boolean isPublished() {
        return publishedPlanId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
