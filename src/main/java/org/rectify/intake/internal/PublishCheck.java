package org.rectify.intake.internal;

import org.rectify.intake.UnresolvedMentions;
import org.rectify.intake.parser.UnresolvedMention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What stops a draft from being published, without Spring or a database, in the order the office is told: no
 * tasks; a unit mention the unit tree does not know; a task without its ref (or with another task's), without its
 * text, or (when publishing as ASSIGNED) without a lead unit; no plan title.
 */
final class PublishCheck {

    /** Renders a bundle key in the user's language (the service passes {@code Messages::text}). */
    @FunctionalInterface
    interface Texts {
        String text(String key, Object... args);
    }

    private PublishCheck() {
    }

    /** Refuses (422, with everything to fix) the first blocker the draft has; returns when there is none. */
    static void require(StoredDraft draft, boolean assign, Texts texts) {
        if (draft.cards().isEmpty()) {
            throw new IntakeRejected("intake.publish.noTasks");
        }
        List<UnresolvedMention> unresolved = draft.unresolved();
        if (!unresolved.isEmpty()) {
            List<String> list = unresolved.stream().map(u -> (u.ref().isEmpty() ? "?" : u.ref()) + "：" + u.mention()).toList();
            throw new UnresolvedMentions(String.join("；", list));
        }
        List<String> problems = taskProblems(draft, assign, texts);
        if (!problems.isEmpty()) {
            throw new IntakeRejected("intake.publish.problems", problems.size(), String.join("；", problems));
        }
        String title = draft.planTitle();
        if (title == null || title.isBlank()) {
            throw new IntakeRejected(Map.of("planTitle", "intake.publish.titleRequired"), "intake.publish.titleRequired");
        }
    }

    /** Each incomplete task's problem as "ref：what is wrong" (a task without a ref is named by its position). */
    private static List<String> taskProblems(StoredDraft draft, boolean assign, Texts texts) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> refs = new HashMap<>();
        for (StoredCard c : draft.cards()) {
            DraftCard card = c.card();
            String ref = card.ref().isBlank() ? texts.text("intake.card.noRef", c.position() + 1) : card.ref();
            if (card.ref().isBlank()) {
                problems.add(ref + "：" + texts.text("intake.card.refRequired"));
            } else if (refs.merge(card.ref(), 1, Integer::sum) == 2) {
                problems.add(ref + "：" + texts.text("intake.card.refRepeated"));
            }
            if (card.text() == null || card.text().isBlank()) {
                problems.add(ref + "：" + texts.text("intake.card.textRequired"));
            }
            if (assign && card.leadUnits().isEmpty()) {
                problems.add(ref + "：" + texts.text("intake.card.leadRequired"));
            }
        }
        return problems;
    }
}
