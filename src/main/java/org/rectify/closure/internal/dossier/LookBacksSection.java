package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.closure.LookBack;
import org.rectify.closure.LookBacks;
import org.rectify.plans.TaskDetail;
import org.rectify.progress.Evidences;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The look-backs (回头看) of the task, by due date: who checks, what they found, and their evidence. */
@Component
class LookBacksSection implements DossierSection {

    private final LookBacks lookBacks;
    private final Evidences evidences;
    private final DossierPages pages;

    LookBacksSection(LookBacks lookBacks, Evidences evidences, DossierPages pages) {
        this.lookBacks = lookBacks;
        this.evidences = evidences;
        this.pages = pages;
    }

    @Override
    public int position() {
        return 80;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        List<LookBack> list = lookBacks.ofTask(task.id(), caller.scope()).stream()
                .sorted(Comparator.comparing(LookBack::dueOn).thenComparingLong(LookBack::id)).toList();
        List<DossierFile> files = new ArrayList<>();
        Instant last = null;
        for (LookBack lookBack : list) {
            last = DossierText.latest(last, DossierText.instant(lookBack.recordedAt()));
            lookBack.evidence().forEach(f -> files.add(DossierFile.evidence(f, evidences)));
        }
        return Optional.of(new DossierPart("look-backs", "dossier.section.lookBacks",
                pages.fragment("lookBacks", Map.of("lookBacks", list)), files, last));
    }
}
