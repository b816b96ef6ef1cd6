package org.rectify;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A PDF-looking stream of {@code size} pseudo-random bytes (incompressible, like a scan or a photo), generated as it is
 * read: the benchmarks' large evidence files, with nothing held in memory. The same seed gives the same bytes.
 */
public final class GeneratedPdf extends InputStream {

    private static final byte[] HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    private final long size;
    private final SplittableRandom random;
    private long position;

    public GeneratedPdf(long size, long seed) {
        this.size = size;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
            long at = position + i;
            b[off + i] = at < HEADER.length ? HEADER[(int) at] : (byte) random.nextInt(256);
        }
        position += n;
        return n;
    }
}
