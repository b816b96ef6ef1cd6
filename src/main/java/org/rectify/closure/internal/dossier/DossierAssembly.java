package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.closure.Dossiers.Dossier;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts the sections together: their parts in position order, the files they link to once each (by path, in path
 * order), the index, and one time for every entry: the latest change the dossier shows. Files recorded but not in the
 * store are listed as missing in the index and left out of the ZIP, so the download never breaks halfway.
 */
@Component
public class DossierAssembly {

    private final List<DossierSection> sections;
    private final DossierPages pages;
    private final Clock clock;
    private final PlanShortNames shortNames;

    DossierAssembly(List<DossierSection> sections, DossierPages pages, Clock clock, PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.sections = sections.stream().sorted(Comparator.comparingInt(DossierSection::position)).toList();
        this.pages = pages;
        this.clock = clock;
    }

    public Dossier assemble(TaskDetail task, Caller caller) {
        List<DossierPart> parts = new ArrayList<>();
        sections.forEach(s -> s.part(task, caller).ifPresent(parts::add));
        Map<String, DossierFile> files = new TreeMap<>();
        Instant lastChange = null;
        for (DossierPart part : parts) {
            part.files().forEach(f -> files.putIfAbsent(f.path(), f));
            lastChange = DossierText.latest(lastChange, part.lastChange());
        }
        Instant asOf = lastChange == null ? Instant.EPOCH : lastChange;
        // checked before a byte is written: a file recorded but not in the store is named in the index, not packed
        Set<String> missing = new TreeSet<>();
        files.values().stream().filter(f -> !f.content().stored()).forEach(f -> missing.add(f.path()));
        String label = shortNames.label(task.id(), task.ref()); // a dossier is read away from the task's page
        byte[] index = pages.index(Map.of("task", task, "taskLabel", label, "parts", parts, "files", List.copyOf(files.values()),
                "missing", missing, "asOf", asOf)).getBytes(StandardCharsets.UTF_8);
        List<DossierFile> entries = files.values().stream().filter(f -> !missing.contains(f.path())).toList();
        String fileName = "一案一档-" + DossierFile.safeName(label) + ".zip";
        return new Dossier() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                DossierZip.write(out, index, entries, asOf.atZone(clock.getZone()).toLocalDateTime());
            }
        };
    }
}
