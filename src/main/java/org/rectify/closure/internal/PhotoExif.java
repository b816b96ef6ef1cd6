package org.rectify.closure.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads when and where a JPEG photo was taken from its EXIF (DateTimeOriginal, GPS latitude and longitude), so a
 * verification shows the capture beside the upload time. Reads only the APP1 segment at the head of the file (at
 * most 64 KB); anything it does not understand gives {@link Taken#NONE}, never an error.
 */
public final class PhotoExif {

    /** What the photo says: any part may be missing. */
    public record Taken(LocalDateTime at, BigDecimal latitude, BigDecimal longitude) {
        public static final Taken NONE = new Taken(null, null, null);
    }

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private PhotoExif() {
    }

    public static Taken read(InputStream content) throws IOException {
        DataInputStream in = new DataInputStream(content);
        if (in.readUnsignedShort() != 0xFFD8) {
            return Taken.NONE;
        }
        for (int segments = 0; segments < 16; segments++) {
            int marker = in.readUnsignedShort();
            int length = in.readUnsignedShort() - 2;
            if ((marker & 0xFF00) != 0xFF00 || length < 0 || marker == 0xFFDA) {
                return Taken.NONE;
            }
            byte[] data = in.readNBytes(length);
            if (marker == 0xFFE1 && data.length > 14 && new String(data, 0, 4, StandardCharsets.US_ASCII).equals("Exif")) {
                return tiff(ByteBuffer.wrap(data, 6, data.length - 6).slice());
            }
        }
        return Taken.NONE;
    }

    private static Taken tiff(ByteBuffer b) {
        try {
            b.order(b.getShort(0) == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd0 = b.getInt(4);
            int exif = (int) tag(b, ifd0, 0x8769, -1);
            int gps = (int) tag(b, ifd0, 0x8825, -1);
            LocalDateTime at = null;
            if (exif > 0) {
                int offset = (int) tag(b, exif, 0x9003, -1);
                if (offset > 0) {
                    byte[] text = new byte[19];
                    b.get(offset, text);
                    try {
                        at = LocalDateTime.parse(new String(text, StandardCharsets.US_ASCII), EXIF_TIME);
                    } catch (DateTimeParseException e) {
                        at = null;
                    }
                }
            }
            BigDecimal lat = null;
            BigDecimal lon = null;
            if (gps > 0) {
                lat = degrees(b, gps, 0x0001, 0x0002, 'S');
                lon = degrees(b, gps, 0x0003, 0x0004, 'W');
            }
            return new Taken(at, lat, lon);
        } catch (RuntimeException e) { // a truncated or odd EXIF block: nothing known
            return Taken.NONE;
        }
    }

    /** A tag's value (or, for values longer than four bytes, their offset) in the directory at {@code ifd}. */
    private static long tag(ByteBuffer b, int ifd, int wanted, long missing) {
        int count = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + i * 12;
            if ((b.getShort(entry) & 0xFFFF) == wanted) {
                int type = b.getShort(entry + 2) & 0xFFFF;
                return type == 3 && b.getInt(entry + 4) == 1 ? b.getShort(entry + 8) & 0xFFFF : b.getInt(entry + 8) & 0xFFFFFFFFL;
            }
        }
        return missing;
    }

    private static BigDecimal degrees(ByteBuffer b, int gps, int refTag, int valueTag, char negative) {
        long ref = tag(b, gps, refTag, -1);
        int offset = (int) tag(b, gps, valueTag, -1);
        if (ref < 0 || offset <= 0) {
            return null;
        }
        double value = rational(b, offset) + rational(b, offset + 8) / 60 + rational(b, offset + 16) / 3600;
        // a one-character ASCII value sits in the entry itself: its first byte
        char direction = (char) (b.order() == ByteOrder.LITTLE_ENDIAN ? ref & 0xFF : (ref >>> 24) & 0xFF);
        return BigDecimal.valueOf(direction == negative ? -value : value).setScale(6, RoundingMode.HALF_UP);
    }

    private static double rational(ByteBuffer b, int offset) {
        long num = b.getInt(offset) & 0xFFFFFFFFL;
        long den = b.getInt(offset + 4) & 0xFFFFFFFFL;
        return den == 0 ? 0 : (double) num / den;
    }
}
