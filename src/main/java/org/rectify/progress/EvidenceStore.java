package org.rectify.progress;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where evidence files live, content-addressed by SHA-256: the same content is stored once and never overwritten.
 * Writing is two steps, so a file is never half-written where a reader may find it: {@link #stage} streams the
 * content to a temporary place while hashing, counting and checking its type (a 50 MB upload needs no 50 MB of
 * memory); {@link #keep} moves it into place atomically. The default implementation keeps files under
 * {@code rectify.evidence.dir}; an S3-compatible one can take its place.
 */
public interface EvidenceStore {

    /**
     * The key content with this SHA-256 is kept under: {@code ab/cd/abcd…} (two levels of 256 directories keep any
     * one directory small at 300,000 files). The province generator writes its evidence rows with it too.
     */
    static String keyOf(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    /**
     * Streams the content to staging. Refuses (and keeps nothing of) an empty file, a file over the size limit, a
     * file name with path parts such as {@code ../}, an executable, or content of a type not accepted as evidence
     * (whatever its name claims). An I/O failure of the source (an interrupted upload) leaves nothing behind either.
     *
     * @throws EvidenceRejected with a message for the user
     */
    StagedFile stage(InputStream content, String fileName);

    /**
     * Moves a staged file into place under its hash and returns its storage key. When the content is already stored,
     * the staged copy is dropped and the stored file's age refreshed (the clean-up job counts age from it).
     */
    String keep(StagedFile staged);

    /** Drops a staged file that was not kept; does nothing once it was kept. */
    void discard(StagedFile staged);

    /**
     * The stored content.
     *
     * @throws java.nio.file.NoSuchFileException when no file is kept under the key, a key the store cannot hold included
     */
    InputStream open(String storageKey) throws IOException;

    /** Whether a file is kept under the key; false for a key the store cannot hold. */
    boolean contains(String storageKey);

    /** Removes a stored file; only the clean-up job calls this, for files no evidence row references. */
    void delete(String storageKey);

    /** The keys of stored files last written (or re-uploaded) before {@code cutoff}. */
    Stream<String> keysWrittenBefore(Instant cutoff);

    /** Removes staging leftovers (uploads interrupted by a crash) older than {@code cutoff}; returns how many. */
    int deleteStagedBefore(Instant cutoff);

    /** The largest file accepted, in bytes. */
    long maxSize();
}
