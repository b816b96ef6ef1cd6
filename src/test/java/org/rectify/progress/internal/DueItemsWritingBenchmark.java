package org.rectify.progress.internal;

import org.rectify.progress.DueList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU a due page's items and supported tasks take to write, by the mapper's bean serializers (A) and by hand
 * ({@link WrittenItems}, B), alternated in one JVM so that a shared machine's load falls on both alike; thread CPU
 * time per page, median of the rounds. Not a unit test (Surefire skips *Benchmark). Reads an answer that
 * {@code bench/dueanswers.py} kept (its first line is the status and the request). With {@code mixed}, eight other
 * bean types are written first, so that the mapper's property writers have seen many, as in the app:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.rectify.progress.internal.DueItemsWritingBenchmark ANSWER.json [ROUNDS [mixed]]
 * </pre>
 */
public final class DueItemsWritingBenchmark {

    private static final int WRITES = 2_000;

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        JsonNode answer = json.readTree(text.substring(text.indexOf('\n') + 1));
        List<DueList.Item> items = new ArrayList<>();
        List<DueList.Support> supporting = new ArrayList<>();
        for (JsonNode plan : answer.get("plans")) {
            for (JsonNode item : plan.get("items")) {
                items.add(json.treeToValue(item, DueList.Item.class));
            }
            for (JsonNode support : plan.get("supporting")) {
                supporting.add(json.treeToValue(support, DueList.Support.class));
            }
        }
        long bytes = 0;
        List<DueList.Item> plainItems = new ArrayList<>(items);
        List<DueList.Support> plainSupporting = new ArrayList<>(supporting);
        List<DueList.Item> writtenItems = DueRows.items(items);
        List<DueList.Support> writtenSupporting = DueRows.supporting(supporting);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        if (args.length > 2 && args[2].equals("mixed")) { // as in the app: many bean types through the same writers
            Object[] others = {new R1(1, "a"), new R2("b", 2L, true), new R3(3, 4, "c"), new R4(List.of("d"), 5),
                    new R5(6.0, "e", null), new R6(7L, 8L, 9L, "f"), new R7("g", "h"), new R8(10, new R1(11, "i"))};
            for (int i = 0; i < 50_000; i++) {
                for (Object other : others) {
                    bytes += json.writeValueAsBytes(other).length;
                }
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] a = new long[rounds];
        long[] b = new long[rounds];
        for (int round = -3; round < rounds; round++) { // three rounds to warm up, not counted
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < WRITES; i++) {
                bytes += json.writeValueAsBytes(plainItems).length + json.writeValueAsBytes(plainSupporting).length;
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < WRITES; i++) {
                bytes += json.writeValueAsBytes(writtenItems).length + json.writeValueAsBytes(writtenSupporting).length;
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            if (round >= 0) {
                a[round] = (t1 - t0) / WRITES;
                b[round] = (t2 - t1) / WRITES;
            }
        }
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf("%d items, %d supported tasks, %d bytes: mapper %.1f µs, by hand %.1f µs per page (median of %d"
                        + " rounds of %d; %d bytes written in all)%n", items.size(), supporting.size(),
                json.writeValueAsBytes(plainItems).length + json.writeValueAsBytes(plainSupporting).length,
                a[rounds / 2] / 1000.0, b[rounds / 2] / 1000.0, rounds, WRITES, bytes);
    }

    // other bean types, written first with "mixed": the mapper's property writers then see many types, as in the app
    record R1(int a, String b) { }
    record R2(String a, Long b, boolean c) { }
    record R3(int a, int b, String c) { }
    record R4(List<String> a, int b) { }
    record R5(double a, String b, String c) { }
    record R6(long a, long b, long c, String d) { }
    record R7(String a, String b) { }
    record R8(int a, R1 b) { }
}
