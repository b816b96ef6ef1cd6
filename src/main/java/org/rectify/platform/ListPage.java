package org.rectify.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its rows, the total over every page, which page (0 first) and how many rows a page holds. The
 * pages and their APIs answer with it ({@code rows}, {@code total}, {@code page}, {@code size}, {@code pages}); a
 * large total counted once and kept a while ({@link KeptTotals}) is {@code totalEstimated}, "about" that many.
 */
public record ListPage<T>(List<T> rows, long total, int page, int size, boolean totalEstimated) implements Paged {

    public ListPage {
        rows = List.copyOf(rows);
    }

    /** A page whose total is exact. */
    public ListPage(List<T> rows, long total, int page, int size) {
        this(rows, total, page, size, false);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether a page shows its pager: not under an empty list's first page ("0 in all · page 1 of 1", two dead buttons). */
    public boolean pagerShown() {
        return total > 0 || page > 0 || totalEstimated;
    }

    /**
     * The page as an API answers a list it always answered as a JSON array: the rows as the body, the rest in headers
     * ({@code X-Total-Count}, {@code X-Page}, {@code X-Page-Size}, {@code X-Pages}, {@code X-Total-Estimated}), so no
     * client loses a field.
     */
    public org.springframework.http.ResponseEntity<List<T>> asArray() {
        return org.springframework.http.ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(total)).header("X-Page", Integer.toString(page))
                .header("X-Page-Size", Integer.toString(size)).header("X-Pages", Integer.toString(pages()))
                .header("X-Total-Estimated", Boolean.toString(totalEstimated))
                .body(rows);
    }

    /** The same page with each row turned into another. */
    public <R> ListPage<R> map(Function<T, R> row) {
        return new ListPage<>(rows.stream().map(row).toList(), total, page, size, totalEstimated);
    }
}
