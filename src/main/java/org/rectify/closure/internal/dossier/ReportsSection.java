package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.plans.TaskDetail;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.Evidences;
import org.rectify.progress.ProgressReports;
import org.rectify.progress.ReportDetail;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every submitted version of every progress report the caller may read, by cycle and unit: content, measurements,
 * meetings, links and files, the report's history, and the supporting units' contributions with their files.
 */
@Component
class ReportsSection implements DossierSection {

    /** One cycle's report of one lead unit: its versions and its history, oldest first. */
    record Slot(ReportDetail latest, List<ReportDetail> versions, List<ReportDetail.HistoryEntry> history) {
    }

    private final ProgressReports reports;
    private final Evidences evidences;
    private final DossierPages pages;

    ReportsSection(ProgressReports reports, Evidences evidences, DossierPages pages) {
        this.reports = reports;
        this.evidences = evidences;
        this.pages = pages;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        Map<Long, List<ReportDetail>> bySlot = new LinkedHashMap<>();
        reports.versionsOf(task.id(), caller).forEach(r -> bySlot.computeIfAbsent(r.slotId(), s -> new ArrayList<>()).add(r));
        List<Slot> slots = bySlot.values().stream().map(v -> {
            // the history of the versions shown: a draft of the next version is not yet part of the record
            Set<Integer> shown = v.stream().map(ReportDetail::version).collect(Collectors.toSet());
            ReportDetail latest = v.get(v.size() - 1);
            return new Slot(latest, v, DossierText.reversed(latest.history()).stream()
                    .filter(h -> h.version() == null || shown.contains(h.version())).toList());
        }).toList();
        List<DossierFile> files = new ArrayList<>();
        Instant last = null;
        for (Slot slot : slots) {
            for (ReportDetail r : slot.versions()) {
                last = DossierText.latest(last, DossierText.latest(r.updatedAt(), r.submittedAt()));
                r.attachments().stream().filter(a -> !a.isLink()).forEach(a -> files.add(file(a.file())));
                r.obligationRecords().forEach(o -> o.attachments().stream().filter(a -> !a.isLink())
                        .forEach(a -> files.add(file(a.file()))));
            }
            for (ReportDetail.HistoryEntry h : slot.history()) {
                last = DossierText.latest(last, h.occurredAt());
            }
            for (ReportDetail.Contribution c : slot.latest().contributions()) {
                last = DossierText.latest(last, c.createdAt());
                c.files().forEach(f -> files.add(file(f)));
            }
        }
        return Optional.of(new DossierPart("reports", "dossier.section.reports",
                pages.fragment("reports", Map.of("slots", slots)), files, last));
    }

    private DossierFile file(EvidenceFile f) {
        return DossierFile.evidence(f, evidences);
    }
}
