package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.closure.Dossiers.Dossier;
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
import java.util.TreeMap;

/**
 * Puts the sections together: their parts in position order, the files they link to once each (by path, in path
 * order), the index, and one time for every entry: the latest change the dossier shows.
 */
@Component
public class DossierAssembly {

    private final List<DossierSection> sections;
    private final DossierPages pages;
    private final Clock clock;

    DossierAssembly(List<DossierSection> sections, DossierPages pages, Clock clock) {
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
        byte[] index = pages.index(Map.of("task", task, "parts", parts, "files", List.copyOf(files.values()),
                "asOf", asOf)).getBytes(StandardCharsets.UTF_8);
        List<DossierFile> entries = List.copyOf(files.values());
        String fileName = "一案一档-" + DossierFile.safeName(task.ref()) + ".zip";
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
