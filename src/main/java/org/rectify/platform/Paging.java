package org.rectify.platform;

import java.util.List;
import java.util.function.Function;

/**
 * The page of a list a reader asks for ({@code ?page=&size=}, the first page 0). A page below 0 is the first; asked
 * from a request ({@link #of}), a size not offered ({@link PageSizes#OFFERED}) is the default, so no address reads a
 * province's rows at once. The rows come from SQL ({@code limit(size).offset(offset())}) once the total is known
 * ({@link #fetch}).
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;

    public Paging {
        page = Math.max(page, 0);
        size = Math.max(size, 1);
    }

    /** From request parameters, either left out: a size not offered is the default. */
    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size != null && PageSizes.OFFERED.contains(size) ? size : DEFAULT_SIZE);
    }

    /** The first page of the default size. */
    public static Paging first() {
        return new Paging(0, DEFAULT_SIZE);
    }

    /** Rows to skip before this page. */
    public long offset() {
        return (long) page * size;
    }

    /** This page, or the last one when it lies past the end of {@code total} rows (an old link, a narrowed filter). */
    public Paging within(long total) {
        int last = (int) Math.max(0, (total - 1) / size);
        return page <= last ? this : new Paging(last, size);
    }

    /** The rows of {@code query} on {@code paging}'s page; every row when {@code paging} is null (an export). */
    public static <R extends org.jooq.Record> org.jooq.Result<R> rows(org.jooq.SelectLimitStep<R> query, Paging paging) {
        return paging == null ? query.fetch() : query.limit(paging.size()).offset(paging.offset()).fetch();
    }

    /**
     * The page of a list of {@code total} rows: {@code rows} reads the page actually shown (this one, or the last) from
     * the database.
     */
    public <T> ListPage<T> fetch(long total, Function<Paging, List<T>> rows) {
        return fetch(new KeptTotals.Counted<>(total, false), rows);
    }

    /** {@link #fetch(long, Function)} of a total that may be "about" that many ({@link KeptTotals}). */
    public <T> ListPage<T> fetch(KeptTotals.Counted<Long> total, Function<Paging, List<T>> rows) {
        Paging shown = within(total.value());
        return new ListPage<>(total.value() == 0 ? List.of() : rows.apply(shown), total.value(), shown.page(), shown.size(),
                total.estimated());
    }
}
