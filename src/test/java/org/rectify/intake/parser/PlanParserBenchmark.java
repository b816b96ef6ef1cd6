package org.rectify.intake.parser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Average time to parse the reference plan (临沧市 2018, 22 tasks), warm. Aim: under 5 ms. And a province's
 * plan whose task list is a 1,000-row table in a .docx: read (POI) and parsed, aim under 1 s.
 * Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rectify.intake.parser.PlanParserBenchmark} (add {@code -Dbench=Table} for the table
 * benchmarks only)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class PlanParserBenchmark {

    private final PlanParser parser = new PlanParser();
    private String seed;
    private byte[] tableDocx;
    private String tableText;

    @Setup
    public void load() throws IOException {
        try (InputStream in = PlanParserBenchmark.class.getResourceAsStream("/intake/lincang-2018.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Setup
    public void table() throws IOException {
        tableDocx = TablePlans.docx(1000);
        tableText = PlanText.read(tableDocx);
    }

    @Benchmark
    public DraftPlan parseSeed() {
        return parser.parse(seed, UnitResolver.NONE);
    }

    /** The 1,000-row table plan as the upload reads it: POI, the table reader, the parser. */
    @Benchmark
    public DraftPlan readAndParse1000RowTableDocx() throws IOException {
        return parser.parse(PlanText.read(tableDocx), UnitResolver.NONE);
    }

    /** The same, parsing only (the table already read into text). */
    @Benchmark
    public DraftPlan parse1000RowTableText() {
        return parser.parse(tableText, UnitResolver.NONE);
    }

    public static void main(String[] args) throws RunnerException {
        // JMH forks with -cp ${java.class.path}; under exec:java that is Maven's launcher, not the project
        System.setProperty("java.class.path", classPath());
        new Runner(new OptionsBuilder()
            .include(PlanParserBenchmark.class.getName() + ".*" + System.getProperty("bench", "") + ".*")
            .build()).run();
    }

    /**
     * The class path the forked benchmark JVM needs: the URLs of the class loaders that loaded this class
     * (exec:java puts the project's test class path there), then the JVM's own class path.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = PlanParserBenchmark.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Paths.get(url.toURI()).toString());
                    } catch (URISyntaxException | RuntimeException ignored) {
                        // not a file: nothing to put on a class path
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
