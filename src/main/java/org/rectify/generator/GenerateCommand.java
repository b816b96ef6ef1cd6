package org.rectify.generator;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code java -jar rectify.jar generate [--cities=20 --counties=9 --departments=4 --townships=0 --tasks=100000
 * --reports-per-task=10 --seed=1 --password=... --today=YYYY-MM-DD --append]}: prints what it wrote, the time it
 * took and the sample accounts. Exit 0 when written, 2 with a sentence when refused, 1 when it failed (nothing written).
 */
public final class GenerateCommand {

    public static final String NAME = "generate";

    private GenerateCommand() {
    }

    /** The options ({@code today} unless --today is given), or null after printing why they are wrong. */
    public static GeneratorOptions options(String[] args, PrintStream err, LocalDate today) {
        try {
            return GeneratorOptions.parse(args, today);
        } catch (IllegalArgumentException wrong) {
            err.println("generate: " + wrong.getMessage());
            err.println("usage: generate [--cities=20] [--counties=9] [--departments=4] [--townships=0] [--tasks=100000] "
                    + "[--reports-per-task=10] [--seed=1] [--password=PASSWORD] [--today=YYYY-MM-DD] [--append]");
            return null;
        }
    }

    public static int run(Generator generator, GeneratorOptions options, PrintStream out, PrintStream err) {
        try {
            GeneratedProvince province = generator.generate(options);
            long rows = province.rows().values().stream().mapToLong(Long::longValue).sum();
            out.printf("generate: %s (unit %d), seed %d, %,d rows in %,.1f s:%n", province.provinceName(), province.provinceUnitId(),
                    options.seed(), rows, province.totalMillis() / 1000.0);
            for (Map.Entry<String, Long> step : province.millis().entrySet()) {
                Long written = province.rows().get(step.getKey());
                out.printf("  %-30s %12s %,9d ms%n", step.getKey(), written == null ? "" : String.format("%,d", written), step.getValue());
            }
            out.println("accounts (one per role and level; every generated account has the same password):");
            province.sampleAccounts().forEach(a -> out.println("  " + a));
            out.println(province.passwordGenerated() ? "password: " + province.password() : "password: the one given with --password");
            return 0;
        } catch (GeneratorRefused refused) {
            err.println("generate: " + refused.getMessage());
            return 2;
        } catch (RuntimeException failed) { // one transaction: a failure leaves the database as it was
            err.println("generate: failed, nothing was written: " + failed.getMessage());
            return 1;
        }
    }
}
