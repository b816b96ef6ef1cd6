package org.rectify.closure.internal.dossier;

import org.rectify.GeneratedPdf;
import org.rectify.HeapPools;
import org.rectify.progress.StagedFile;
import org.rectify.progress.internal.FileSystemEvidenceStore;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Heap use of a dossier with 200 MB of evidence (four 50 MB files, incompressible like photos), written by the
 * dossier's own ZIP writer from the file-system evidence store to a sink that only counts and hashes. Not a unit test
 * (Surefire skips *Benchmark). Twice, to show the bytes are the same:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx64m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.rectify.closure.internal.dossier.DossierHeapBenchmark
 * </pre>
 * With {@code -Xmx64m} not even one of the files fits in memory: that it passes shows the dossier streams.
 */
public final class DossierHeapBenchmark {

    static final long FILE = 50L * 1024 * 1024;
    static final int FILES = 4;

    private DossierHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("dossier-benchmark");
        try (FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir, FILE, Clock.systemUTC())) {
            List<DossierFile> files = new ArrayList<>();
            for (int i = 1; i <= FILES; i++) {
                StagedFile staged = store.stage(new GeneratedPdf(FILE, i), "现场照片-" + i + ".pdf");
                String key = store.keep(staged);
                files.add(new DossierFile("evidence/" + i + "/" + staged.fileName(), staged.fileName(), staged.size(),
                        staged.sha256(), () -> store.open(key)));
            }
            byte[] index = "<!DOCTYPE html><title>一案一档</title>".getBytes(StandardCharsets.UTF_8);
            System.out.printf("max heap (-Xmx): %d MB; evidence: %d files, %d MB%n",
                    Runtime.getRuntime().maxMemory() >> 20, FILES, FILES * FILE >> 20);
            for (int run = 1; run <= 2; run++) {
                System.gc();
                HeapPools.resetPeaks();
                long start = System.nanoTime();
                Sink sink = new Sink();
                DossierZip.write(sink.digesting, index, files, LocalDateTime.of(2026, 12, 2, 21, 0));
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = HeapPools.peak();
                System.out.printf("run %d: %d MB ZIP in %.1f s, peak heap %.1f MB (sum of heap pools' peaks), sha256 %s%n",
                        run, sink.count >> 20, seconds, peak / 1048576.0,
                        HexFormat.of().formatHex(sink.digesting.getMessageDigest().digest()));
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Counts and hashes what it is given, keeps nothing: the response a client downloads. */
    static final class Sink extends OutputStream {
        long count;
        final DigestOutputStream digesting;

        Sink() throws Exception {
            digesting = new DigestOutputStream(this, MessageDigest.getInstance("SHA-256"));
        }

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
