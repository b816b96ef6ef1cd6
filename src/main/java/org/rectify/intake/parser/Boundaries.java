package org.rectify.intake.parser;

/**
 * Where clauses start and end in a text, for a given set of boundary characters, answered in O(1).
 * The extractors ask this for every match; scanning instead would make long texts without punctuation
 * (pasted garbage, or an attack on the import endpoint) quadratic.
 */
final class Boundaries {

    private final int[] next;
    private final int[] previous;

    Boundaries(String s, String chars) {
        int n = s.length();
        next = new int[n + 1];
        previous = new int[n + 1];
        next[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            next[i] = chars.indexOf(s.charAt(i)) >= 0 ? i : next[i + 1];
        }
        previous[0] = -1;
        for (int i = 1; i <= n; i++) {
            previous[i] = chars.indexOf(s.charAt(i - 1)) >= 0 ? i - 1 : previous[i - 1];
        }
    }

    /** The first boundary at or after {@code from}, or the text length. */
    int next(int from) {
        return next[Math.max(0, Math.min(from, next.length - 1))];
    }

    /** The last boundary before {@code before}, or -1. */
    int previous(int before) {
        return previous[Math.max(0, Math.min(before, previous.length - 1))];
    }
}
