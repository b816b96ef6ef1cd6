package org.rectify.progress;

import org.rectify.progress.internal.FileSystemEvidenceStore;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A process that uploads an endless file into an evidence store, slowly, until it is killed: the crash in the middle
 * of an upload that {@link EvidenceStoreTests} provokes with {@code kill -9}. Not a test.
 */
public final class StagingProcess {

    private StagingProcess() {
    }

    public static void main(String[] args) {
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(Path.of(args[0]), Long.MAX_VALUE, Clock.systemUTC());
        store.stage(new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < 5 ? "%PDF-".charAt((int) sent - 1) : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    Thread.sleep(2); // a slow client: the upload is still running when the process dies
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        }, "endless.pdf");
    }
}
