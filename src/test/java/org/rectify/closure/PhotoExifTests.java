package org.rectify.closure;

import org.junit.jupiter.api.Test;
import org.rectify.closure.internal.PhotoExif;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoExifTests {

    @Test
    void a_phones_photo_tells_when_and_where_it_was_taken() throws Exception {
        byte[] photo = ExifJpeg.taken(LocalDateTime.of(2026, 11, 30, 10, 15), 23, 53, 24, 100, 5, 24);
        PhotoExif.Taken taken = PhotoExif.read(new ByteArrayInputStream(photo));
        assertThat(taken.at()).isEqualTo(LocalDateTime.of(2026, 11, 30, 10, 15));
        assertThat(taken.latitude()).isEqualByComparingTo(new BigDecimal("23.890000"));
        assertThat(taken.longitude()).isEqualByComparingTo(new BigDecimal("100.090000"));
    }

    @Test
    void a_file_without_exif_or_not_a_jpeg_says_nothing() throws Exception {
        assertThat(PhotoExif.read(new ByteArrayInputStream("%PDF-1.4".getBytes()))).isEqualTo(PhotoExif.Taken.NONE);
        assertThat(PhotoExif.read(new ByteArrayInputStream(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2})))
                .isEqualTo(PhotoExif.Taken.NONE);
    }
}
