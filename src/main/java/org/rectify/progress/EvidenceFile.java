package org.rectify.progress;

import java.time.Instant;

/** A stored evidence file as the pages and the API show it: its name, type, size and SHA-256, and who uploaded it. */
public record EvidenceFile(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
                           Instant uploadedAt) {

    /** The size for people: 1.2 MB, 340 KB, 12 B. */
    public String displaySize() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
