package org.rectify.closure.internal.dossier;

import java.time.Instant;
import java.util.List;

/**
 * A section's share of the dossier: its heading (a bundle key), its index fragment (HTML, escaped by its template), the files it
 * links to by their {@link DossierFile#path}, and the latest moment of what it shows (the ZIP's entries carry the
 * latest of all, so the same state always gives the same bytes).
 */
public record DossierPart(String anchor, String titleKey, String html, List<DossierFile> files, Instant lastChange) {

    public DossierPart {
        files = List.copyOf(files);
    }
}
