package org.rectify.intake.parser;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test harness: runs a check over many generated inputs from a fixed seed, and on a
 * failure shrinks the input (deleting chunks while it still fails) and reports the seed and the smallest
 * input found. Written for this package instead of using jqwik, whose releases from 1.10 on carry an
 * anti-AI usage clause (this code is written with an AI coding agent).
 * Tries and seed: {@code -Dproperties.tries=N}, {@code -Dproperties.seed=S}.
 */
final class Property {

    static final int TRIES = Integer.getInteger("properties.tries", 1000);
    static final long SEED = Long.getLong("properties.seed", 20180207L);

    private Property() {
    }

    static void forAll(Function<SplittableRandom, String> generator, Consumer<String> check) {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            String input = generator.apply(new SplittableRandom(seed));
            Throwable failure = failure(check, input);
            if (failure != null) {
                String smallest = shrink(input, check);
                AssertionError e = new AssertionError("property failed on try " + i + " (generator seed " + seed
                    + "); smallest failing input: " + quote(smallest) + "\nfailure on it: " + failure(check, smallest),
                    failure);
                throw e;
            }
        }
    }

    private static Throwable failure(Consumer<String> check, String input) {
        try {
            check.accept(input);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** Delta debugging light: drop ever smaller chunks while the check still fails. */
    static String shrink(String input, Consumer<String> check) {
        String current = input;
        int budget = 3000;
        for (int chunk = Math.max(1, current.length() / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            boolean progress = true;
            while (progress && budget > 0) {
                progress = false;
                for (int at = 0; at + chunk <= current.length() && budget > 0; at += chunk) {
                    String candidate = current.substring(0, at) + current.substring(at + chunk);
                    budget--;
                    if (failure(check, candidate) != null) {
                        current = candidate;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '"' -> b.append("\\\"");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static <T> T pick(SplittableRandom r, java.util.List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
