package org.rectify.progress;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An evidence file as a download: streamed, always as an attachment under its own name, with the type found by
 * its content and {@code nosniff}, so a browser never runs what someone uploaded. The ETag is the SHA-256.
 * Module API: whoever serves a file checks first that the reader may see what it is attached to.
 */
public final class EvidenceDownloads {

    private EvidenceDownloads() {
    }

    public static ResponseEntity<Resource> of(EvidenceFile file, InputStream content) {
        MediaType type = MediaType.parseMediaType(file.contentType());
        if (type.getType().equals("text")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.size())
                .eTag("\"" + file.sha256() + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(new InputStreamResource(content));
    }
}
