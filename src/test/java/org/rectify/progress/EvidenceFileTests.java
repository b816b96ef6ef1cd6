package org.rectify.progress;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A file's kind in people's words, from the content type the upload's sniffer gave it. */
class EvidenceFileTests {

    @Test
    void every_type_the_sniffer_accepts_has_a_kind_a_person_reads() {
        assertThat(kind("application/pdf")).isEqualTo("pdf");
        assertThat(kind("image/jpeg")).isEqualTo("image");
        assertThat(kind("image/webp")).isEqualTo("image");
        assertThat(kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).isEqualTo("word");
        assertThat(kind("application/msword")).isEqualTo("word");
        assertThat(kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isEqualTo("sheet");
        assertThat(kind("application/vnd.ms-excel")).isEqualTo("sheet");
        assertThat(kind("text/csv")).isEqualTo("sheet");
        assertThat(kind("application/vnd.openxmlformats-officedocument.presentationml.presentation")).isEqualTo("slides");
        assertThat(kind("application/vnd.ms-powerpoint")).isEqualTo("slides");
        assertThat(kind("text/plain")).isEqualTo("text");
        assertThat(kind("application/octet-stream")).isEqualTo("other");
    }

    private static String kind(String contentType) {
        return new EvidenceFile(1, "f", contentType, 1, "sha", "who", Instant.EPOCH).kind();
    }
}
