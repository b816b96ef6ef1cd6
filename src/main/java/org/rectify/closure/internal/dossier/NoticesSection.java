package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.plans.TaskDetail;
import org.rectify.progress.Evidences;
import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.SupervisionNotices;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The supervision notices (督办单) on the task, oldest first, with their replies and the files sent with them. */
@Component
class NoticesSection implements DossierSection {

    private final SupervisionNotices notices;
    private final Evidences evidences;
    private final DossierPages pages;

    NoticesSection(SupervisionNotices notices, Evidences evidences, DossierPages pages) {
        this.notices = notices;
        this.evidences = evidences;
        this.pages = pages;
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        List<SupervisionNotice> list = notices.ofTask(task.id(), caller.scope()).stream()
                .sorted(Comparator.comparing(SupervisionNotice::issuedAt).thenComparing(SupervisionNotice::id)).toList();
        List<DossierFile> files = new ArrayList<>();
        Instant last = null;
        for (SupervisionNotice n : list) {
            last = DossierText.latest(last, DossierText.latest(DossierText.instant(n.issuedAt()), DossierText.instant(n.repliedAt())));
            n.evidence().forEach(f -> files.add(DossierFile.evidence(f, evidences)));
        }
        return Optional.of(new DossierPart("notices", "dossier.section.notices", pages.fragment("notices", Map.of("notices", list)), files, last));
    }
}
