package org.rectify.progress;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Streams uploaded parts into the evidence store's staging area before the transaction that keeps them begins, so
 * no database connection waits on a slow upload. The caller discards what it staged when it is done, kept or not.
 * Spring has written each part to disk already; its stream is read through a small buffer, never as one array.
 * Module API: any page or endpoint that takes evidence files (progress reports, replies to supervision notices)
 * stages them this way.
 */
@Component
public class EvidenceUploads {

    private final EvidenceStore store;

    EvidenceUploads(EvidenceStore store) {
        this.store = store;
    }

    /** Whether the browser sent a file in this part (an empty file input sends a part without a name). */
    public static boolean chosen(MultipartFile file) {
        return file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    }

    /** Stages one part; adds it to {@code staged} so the caller can discard it whatever happens next. */
    public StagedFile stage(MultipartFile file, Collection<StagedFile> staged) {
        try (InputStream in = file.getInputStream()) {
            StagedFile s = store.stage(in, file.getOriginalFilename());
            staged.add(s);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<StagedFile> stageAll(Collection<MultipartFile> files, Collection<StagedFile> staged) {
        List<StagedFile> out = new ArrayList<>();
        for (MultipartFile f : files) {
            if (chosen(f)) {
                out.add(stage(f, staged));
            }
        }
        return out;
    }

    public void discard(Collection<StagedFile> staged) {
        staged.forEach(store::discard);
    }
}
