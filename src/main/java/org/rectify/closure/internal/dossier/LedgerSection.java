package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.plans.TaskDetail;
import org.rectify.supervision.LedgerEntry;
import org.rectify.supervision.SupervisionLedger;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The task's entries on the supervision ledger (挂账督办), open and resolved, oldest first. */
@Component
class LedgerSection implements DossierSection {

    private final SupervisionLedger ledger;
    private final DossierPages pages;

    LedgerSection(SupervisionLedger ledger, DossierPages pages) {
        this.ledger = ledger;
        this.pages = pages;
    }

    @Override
    public int position() {
        return 50;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        List<LedgerEntry> list = ledger.ofTask(task.id(), caller.scope()).stream()
                .sorted(Comparator.comparing(LedgerEntry::addedAt).thenComparing(LedgerEntry::id)).toList();
        Instant last = list.stream().map(e -> DossierText.latest(DossierText.instant(e.addedAt()), DossierText.instant(e.resolvedAt())))
                .reduce(null, DossierText::latest);
        return Optional.of(new DossierPart("ledger", "dossier.section.ledger", pages.fragment("ledger", Map.of("entries", list)), List.of(), last));
    }
}
