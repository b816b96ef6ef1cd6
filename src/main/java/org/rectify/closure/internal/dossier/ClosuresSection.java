package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.closure.ClosureDetail;
import org.rectify.closure.ClosureViews;
import org.rectify.plans.TaskDetail;
import org.rectify.progress.Evidences;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every closure attempt (销号) on the task, first attempt first: the application with its answers and files, the
 * verifications with their photos, the approval and notice, the objections with their answers (never an objector's
 * contact: the dossier travels), the closing and its number.
 */
@Component
class ClosuresSection implements DossierSection {

    private final ClosureViews closures;
    private final Evidences evidences;
    private final DossierPages pages;

    ClosuresSection(ClosureViews closures, Evidences evidences, DossierPages pages) {
        this.closures = closures;
        this.evidences = evidences;
        this.pages = pages;
    }

    @Override
    public int position() {
        return 70;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        List<ClosureDetail> attempts = closures.ofTask(task.id(), caller).stream()
                .sorted(Comparator.comparingInt(ClosureDetail::attempt)).toList();
        List<DossierFile> files = new ArrayList<>();
        Instant last = null;
        for (ClosureDetail attempt : attempts) {
            last = DossierText.latest(last, attempt.updatedAt());
            attempt.files().forEach(f -> files.add(DossierFile.evidence(f.file(), evidences)));
            for (ClosureDetail.Objection o : attempt.objections()) {
                last = DossierText.latest(DossierText.latest(last, o.receivedAt()), o.answeredAt());
            }
        }
        return Optional.of(new DossierPart("closures", "dossier.section.closures",
                pages.fragment("closures", Map.of("attempts", attempts)), files, last));
    }
}
