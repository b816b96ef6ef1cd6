package org.rectify.intake.internal;

import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.UnitMention;
import org.rectify.plans.PlanSummary;
import org.rectify.platform.Messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the review screen shows of a draft: the source with each task's span, the task cards, the counts. */
public record ReviewView(StoredDraft draft, List<Card> cards, List<Mention> mentions, Summary summary,
                  List<Segment> source, List<String> planWarnings, PlanSummary samePlan) {

    /** The figures of the summary bar; publishing waits until nothing is unresolved. */
    public record Summary(long draftId, int tasks, int unresolved, int warnings, boolean published, Long publishedPlanId) {

        public boolean publishable() {
            return tasks > 0 && unresolved == 0;
        }
    }

    /** A mention the unit tree does not know, with the tasks that name it. */
    public record Mention(int index, String name, List<Where> tasks) {
    }

    /** A task that names a mention: its ref, and its card. */
    public record Where(String ref, long cardId) {
    }

    /** A stretch of the source text, part of a task's span ({@code cardId}) or not. */
    public record Segment(String text, Long cardId, String ref) {
    }

    /** A task card as shown (not edited). */
    public record Card(StoredCard stored, List<String> warnings, Map<String, String> canonicalNames) {

        /** The unit tree's name for a resolved mention written otherwise (an alias), else null. */
        public String canonical(UnitMention m) {
            if (m.unitId() == null) {
                return null;
            }
            String name = canonicalNames.get((m.group() ? "g" : "u") + m.unitId());
            return name == null || name.equals(m.name()) ? null : name;
        }

        public DraftCard c() {
            return stored.card();
        }

        public long id() {
            return stored.id();
        }

        public int version() {
            return stored.version();
        }

        public String heading() {
            DraftCard c = c();
            if (c.title() != null && !c.title().isBlank()) {
                return c.title();
            }
            String t = c.text() == null ? "" : c.text().strip();
            return t.length() <= 36 ? t : t.substring(0, 36) + "…";
        }

        public boolean hasUnresolved() {
            return !c().unresolved().isEmpty();
        }

        public String comparator(Indicator i) {
            return switch (i.comparator() == null ? "" : i.comparator()) {
                case ">=" -> "≥";
                case "<=" -> "≤";
                default -> "=";
            };
        }

        public String value(Indicator i) {
            return i.value() == null ? "" : i.value().stripTrailingZeros().toPlainString();
        }

        public String per(Obligation o) {
            return o.per() == null ? "" : o.per().toUpperCase(Locale.ROOT);
        }

        public boolean resolved(UnitMention m) {
            return m.unitId() != null;
        }

        public String deliverable(Deadline d) {
            return d.deliverable() == null ? "" : d.deliverable();
        }
    }

    /**
     * @param canonicalNames the unit tree's names of the resolved mentions: "u" or "g" (group) and the id → name
     */
    static ReviewView of(StoredDraft draft, PlanSummary samePlan, Messages messages, Map<String, String> canonicalNames) {
        List<Card> cards = new ArrayList<>();
        int warnings = draft.warnings().size();
        for (StoredCard c : draft.cards()) {
            List<String> ws = c.card().warnings().stream().map(w -> WarningText.of(w, messages)).toList();
            warnings += ws.size();
            cards.add(new Card(c, ws, canonicalNames));
        }
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<StoredCard>> e : draft.unresolvedByMention().entrySet()) {
            mentions.add(new Mention(i++, e.getKey(), e.getValue().stream().distinct()
                    .map(c -> new Where(c.card().ref().isEmpty() ? "—" : c.card().ref(), c.id())).toList()));
        }
        Summary summary = new Summary(draft.id(), cards.size(), draft.unresolved().size(), warnings, draft.isPublished(),
                draft.publishedPlanId());
        List<String> planWarnings = draft.warnings().stream().map(w -> WarningText.of(w.message(), messages)).toList();
        return new ReviewView(draft, cards, mentions, summary, segments(draft), planWarnings, samePlan);
    }

    /** The source cut at the task spans (overlaps clipped, spans outside the text ignored). */
    static List<Segment> segments(StoredDraft draft) {
        String text = draft.sourceText();
        List<StoredCard> spans = draft.cards().stream()
                .filter(c -> c.card().sourceEnd() > c.card().sourceStart() && c.card().sourceStart() >= 0
                        && c.card().sourceStart() < text.length())
                .sorted(Comparator.comparingInt(c -> c.card().sourceStart()))
                .toList();
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (StoredCard c : spans) {
            int start = Math.max(at, c.card().sourceStart());
            int end = Math.min(text.length(), c.card().sourceEnd());
            if (end <= start) {
                continue;
            }
            if (start > at) {
                out.add(new Segment(text.substring(at, start), null, null));
            }
            out.add(new Segment(text.substring(start, end), c.id(), c.card().ref()));
            at = end;
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null, null));
        }
        return out;
    }
}
