package org.rectify.progress;

/**
 * A file streamed into the evidence store's staging area, hashed, measured and type-checked, but not yet kept:
 * {@link EvidenceStore#keep} moves it into place, {@link EvidenceStore#discard} drops it. {@code handle} is the
 * store's own reference to the staged bytes.
 */
public record StagedFile(String sha256, long size, String contentType, String fileName, String handle) {
}
