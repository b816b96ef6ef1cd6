package org.rectify.plans;

import org.rectify.platform.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a task must have to be saved; each broken rule is reported at its field. */
final class TaskContentRules {

    static final int MAX_REF = 40;
    static final int MAX_TITLE = 200;

    private TaskContentRules() {
    }

    static void check(TaskContent c) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.ref() == null || c.ref().isBlank()) {
            errors.put("ref", "task.refRequired");
        } else if (c.ref().length() > MAX_REF) {
            errors.put("ref", "task.refTooLong");
        }
        if (c.title() != null && c.title().length() > MAX_TITLE) {
            errors.put("title", "task.titleTooLong");
        }
        if (c.text() == null || c.text().isBlank()) {
            errors.put("text", "task.textRequired");
        }
        for (int i = 0; i < c.milestones().size(); i++) {
            Milestone m = c.milestones().get(i);
            if (m.dueOn() == null || m.deliverable() == null || m.deliverable().isBlank()) {
                errors.put("milestones[" + i + "]", "task.milestoneIncomplete");
            }
        }
        for (int i = 0; i < c.indicators().size(); i++) {
            Indicator ind = c.indicators().get(i);
            if (ind.name() == null || ind.name().isBlank() || ind.comparator() == null || ind.targetValue() == null) {
                errors.put("indicators[" + i + "]", "task.indicatorIncomplete");
            }
        }
        for (int i = 0; i < c.obligations().size(); i++) {
            Obligation o = c.obligations().get(i);
            if (o.subject() == null || o.subject().isBlank() || o.per() == null || o.atLeast() < 1) {
                errors.put("obligations[" + i + "]", "task.obligationIncomplete");
            }
        }
        if (c.responsible() != null && (c.responsible().name() == null || c.responsible().name().isBlank())) {
            errors.put("responsibleName", "person.nameRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
    }
}
