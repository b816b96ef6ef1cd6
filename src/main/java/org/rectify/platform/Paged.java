package org.rectify.platform;

/** What a pager needs of a page of any list: which page (0 first), its size, and the total over every page. */
public interface Paged {

    long total();

    int page();

    int size();

    /** Whether {@link #total} is "about" that many: a large total counted once and kept a while ({@link KeptTotals}). */
    default boolean totalEstimated() {
        return false;
    }

    /** The total as a reader is told it: exact, or when estimated rounded to two significant digits (61,234: 61,000). */
    default long shownTotal() {
        return totalEstimated() ? about(total()) : total();
    }

    /** A figure told as "about" it: two significant digits (61,234: 61,000; under 100 as it is). */
    static long about(long figure) {
        if (figure < 100) {
            return figure;
        }
        long unit = (long) Math.pow(10, (long) Math.floor(Math.log10(figure)) - 1);
        return Math.round((double) figure / unit) * unit;
    }

    default int pages() {
        return (int) Math.max(1, (total() + size() - 1) / size());
    }

    default boolean hasNext() {
        return page() + 1 < pages();
    }

    default boolean hasPrevious() {
        return page() > 0;
    }
}
