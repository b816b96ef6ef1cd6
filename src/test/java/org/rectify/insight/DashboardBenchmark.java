package org.rectify.insight;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The dashboard's answer time against a running app (the generator's province): each path asked {@code n} times one
 * after another, after 10 unmeasured warm-up requests; prints p50, p95 and the slowest.
 * <pre>java -cp target/test-classes org.rectify.insight.DashboardBenchmark http://localhost:18105 g1-office PASSWORD [n] [path…]</pre>
 * Paths after {@code n} replace the dashboard's, e.g. the progress matrix among ~100,000 slots (once a test's
 * "under 3 s"): {@code /api/progress/matrix?planId=1&cycleId=…}.
 */
public final class DashboardBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        HttpClient http = HttpClient.newHttpClient();
        List<String> paths = args.length > 4 ? List.of(args).subList(4, args.length)
                : List.of("/api/insight", "/api/insight?planId=1", "/insight");
        for (String path : paths) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).build();
            for (int i = 0; i < 10; i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                ms.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
            }
            Collections.sort(ms);
            System.out.printf("%-24s n=%d  p50 %.0f ms  p95 %.0f ms  max %.0f ms%n", path, n,
                    ms.get(n / 2), ms.get((int) Math.ceil(n * 0.95) - 1), ms.get(n - 1));
        }
    }
}
