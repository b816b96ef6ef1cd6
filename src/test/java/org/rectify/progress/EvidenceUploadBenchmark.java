package org.rectify.progress;

import org.rectify.GeneratedPdf;
import org.rectify.HeapPools;
import org.rectify.progress.internal.FileSystemEvidenceStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Upload throughput and heap use for a 50 MB evidence file. Not a unit test (Surefire skips *Benchmark).
 *
 * <p>Store mode (default) starts nothing but the file-system evidence store and streams a generated 50 MB PDF through
 * {@code stage} (hash, count, sniff, fsync) and {@code keep} (atomic link into place), five times:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx32m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.rectify.progress.EvidenceUploadBenchmark
 * </pre>
 * With {@code -Xmx32m} a 50 MB file could not even be held in memory once: that it passes shows the upload streams.
 *
 * <p>HTTP mode posts the same generated file as a multipart report to a running app on loopback, streaming the body
 * (fixed-length streaming mode, nothing buffered on the client):
 * <pre>
 * java -cp … org.rectify.progress.EvidenceUploadBenchmark http 8093 epb-staff:rectify-demo &lt;taskId&gt; &lt;cycleId&gt;
 * </pre>
 */
public final class EvidenceUploadBenchmark {

    static final long SIZE = 50L * 1024 * 1024;
    static final int RUNS = 5;

    private EvidenceUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("http")) {
            http(Integer.parseInt(args[1]), args[2], Long.parseLong(args[3]), Long.parseLong(args[4]));
        } else {
            store();
        }
    }

    private static void store() throws IOException {
        Path dir = Files.createTempDirectory("evidence-benchmark");
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir, SIZE, Clock.systemUTC());
        List<Double> rates = new ArrayList<>();
        long peak = 0;
        System.out.printf("max heap (-Xmx): %d MB; file: %d MB; runs: %d%n",
                Runtime.getRuntime().maxMemory() >> 20, SIZE >> 20, RUNS);
        for (int run = 1; run <= RUNS; run++) {
            System.gc();
            long before = HeapPools.used();
            HeapPools.resetPeaks();
            long start = System.nanoTime();
            StagedFile staged = store.stage(new GeneratedPdf(SIZE, run), "benchmark-" + run + ".pdf");
            store.keep(staged);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = HeapPools.peak();
            peak = Math.max(peak, peakHeap);
            rates.add(SIZE / 1048576.0 / seconds);
            System.out.printf("run %d: %.0f MB/s (%.2f s), heap before %.1f MB, peak during upload %.1f MB, sha256 %s…%n",
                    run, SIZE / 1048576.0 / seconds, seconds, before / 1048576.0, peakHeap / 1048576.0,
                    staged.sha256().substring(0, 12));
        }
        rates.sort(Comparator.naturalOrder());
        System.out.printf("median %.0f MB/s, peak heap (sum of heap pools' peaks, an upper bound) %.1f MB%n",
                rates.get(RUNS / 2), peak / 1048576.0);
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void http(int port, String credentials, long taskId, long cycleId) throws IOException {
        String boundary = "----rectify-benchmark-" + System.nanoTime();
        String json = ("{\"taskId\": %d, \"cycleId\": %d, \"submit\": false, \"content\": {\"workDone\": \"上传测速\", "
                + "\"phase\": \"IN_PROGRESS\", \"onSchedule\": true}}").formatted(taskId, cycleId);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"benchmark.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpURLConnection http = (HttpURLConnection) URI.create("http://localhost:" + port + "/api/progress/reports")
                .toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setFixedLengthStreamingMode(head.length + SIZE + tail.length);
        http.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
        http.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        try (OutputStream out = http.getOutputStream(); InputStream file = new GeneratedPdf(SIZE, 42)) {
            out.write(head);
            file.transferTo(out);
            out.write(tail);
        }
        int status = http.getResponseCode();
        double seconds = (System.nanoTime() - start) / 1e9;
        String body = new String((status < 400 ? http.getInputStream() : http.getErrorStream()).readAllBytes(),
                StandardCharsets.UTF_8);
        System.out.printf("HTTP %d in %.2f s: %.0f MB/s end to end (upload, multipart to disk, stage, keep, commit)%n",
                status, seconds, SIZE / 1048576.0 / seconds);
        System.out.println(body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

}
