package org.rectify.closure.internal.dossier;

import org.rectify.progress.EvidenceFile;
import org.rectify.progress.Evidences;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file in the dossier: where it goes in the ZIP, its size and SHA-256 (from the evidence row, so the index is
 * written before any content is read), and how to open its content as a stream when its turn comes.
 */
public record DossierFile(String path, String name, long size, String sha256, Content content) {

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;

        /** Whether the content can be read: a file recorded but gone from the store is named, not packed. */
        default boolean stored() {
            return true;
        }
    }

    /** An evidence file, under {@code evidence/<id>/<name>}: one entry however many records attach it. */
    public static DossierFile evidence(EvidenceFile file, Evidences evidences) {
        return new DossierFile(pathOf(file), file.fileName(), file.size(), file.sha256(), new Content() {
            @Override
            public InputStream open() throws IOException {
                return evidences.open(file.id());
            }

            @Override
            public boolean stored() {
                return evidences.stored(file.id());
            }
        });
    }

    static String pathOf(EvidenceFile file) {
        return "evidence/" + file.id() + "/" + safeName(file.fileName());
    }

    /** Names were checked at upload; this only keeps an entry name from leaving its folder in any unzip tool. */
    static String safeName(String name) {
        String n = name.replace('\\', '_').replace('/', '_').replace(':', '_');
        return n.isBlank() || n.equals(".") || n.equals("..") ? "file" : n;
    }
}
