package org.rectify.platform;

/** What a pager needs of a page of any list: which page (0 first), its size, and the total over every page. */
public interface Paged {

    long total();

    int page();

    int size();

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
