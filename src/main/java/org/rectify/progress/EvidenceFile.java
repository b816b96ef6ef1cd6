package org.rectify.progress;

import java.time.Instant;

/** A stored evidence file as the pages and the API show it: its name, type, size and SHA-256, and who uploaded it. */
public record EvidenceFile(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
                           Instant uploadedAt) {

    /**
     * The kind of file for people (PDF, 图片, Word 文档 …), the message key's last part: {@code progress.evidence.kind.*}.
     * The content type itself stays in the API and in the cell's tooltip.
     */
    public String kind() {
        String type = contentType == null ? "" : contentType;
        if (type.equals("application/pdf")) {
            return "pdf";
        }
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.equals("application/msword") || type.contains("wordprocessingml")) {
            return "word";
        }
        if (type.equals("application/vnd.ms-excel") || type.contains("spreadsheetml") || type.equals("text/csv")) {
            return "sheet";
        }
        if (type.equals("application/vnd.ms-powerpoint") || type.contains("presentationml")) {
            return "slides";
        }
        return type.startsWith("text/") ? "text" : "other";
    }

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
