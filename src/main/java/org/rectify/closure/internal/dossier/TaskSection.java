package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskHistoryEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The task itself: its content, units, responsible person, deadlines, indicators, duties and history. */
@Component
class TaskSection implements DossierSection {

    private final DossierPages pages;
    private final PlanShortNames shortNames;

    TaskSection(DossierPages pages, PlanShortNames shortNames) {
        this.pages = pages;
        this.shortNames = shortNames;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        // the ledger lists history newest first; a case file reads oldest first
        Instant last = task.history().stream().map(TaskHistoryEntry::occurredAt).map(DossierText::instant)
                .reduce(null, DossierText::latest);
        return Optional.of(new DossierPart("task", "dossier.section.task", pages.fragment("task",
                Map.of("task", task, "taskLabel", shortNames.label(task.id(), task.ref()),
                        "history", DossierText.reversed(task.history()))), List.of(), last));
    }
}
