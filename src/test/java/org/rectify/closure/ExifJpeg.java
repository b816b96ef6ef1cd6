package org.rectify.closure;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A tiny JPEG whose EXIF says when and where it was taken, as a phone's photo does (degrees as whole seconds). */
final class ExifJpeg {

    private ExifJpeg() {
    }

    static byte[] taken(LocalDateTime at, int latDeg, int latMin, int latSec, int lonDeg, int lonMin, int lonSec) {
        ByteBuffer t = ByteBuffer.allocate(178); // big-endian TIFF
        t.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        t.putShort((short) 2);
        entry(t, 0x8769, 4, 1, 38);
        entry(t, 0x8825, 4, 1, 56);
        t.putInt(0);
        t.putShort((short) 1);
        entry(t, 0x9003, 2, 20, 110);
        t.putInt(0);
        t.putShort((short) 4);
        entry(t, 0x0001, 2, 2, 'N' << 24);
        entry(t, 0x0002, 5, 3, 130);
        entry(t, 0x0003, 2, 2, 'E' << 24);
        entry(t, 0x0004, 5, 3, 154);
        t.putInt(0);
        t.put((at.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0").getBytes(StandardCharsets.US_ASCII));
        for (int v : new int[]{latDeg, latMin, latSec, lonDeg, lonMin, lonSec}) {
            t.putInt(v).putInt(1);
        }
        byte[] tiff = t.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + 6 + tiff.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int value) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }
}
