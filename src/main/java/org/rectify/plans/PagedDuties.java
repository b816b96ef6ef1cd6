package org.rectify.plans;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A page's duties as read ({@link PagedDuty}), shown as {@link UnitDuty}s made when one is asked for, once; to equality
 * and to any reader a list of duties like any other. {@link #rows} gives the rows as read to a reader that writes them.
 */
public final class PagedDuties extends AbstractList<UnitDuty> implements RandomAccess {

    private final List<PagedDuty> rows;
    /** The duties made so far; two threads asking at once each make an equal one. */
    private final UnitDuty[] made;

    PagedDuties(List<PagedDuty> rows) {
        this.rows = List.copyOf(rows);
        this.made = new UnitDuty[this.rows.size()];
    }

    /** The rows of a list of duties: as read when the list is a page's, else made of the duties. */
    public static List<PagedDuty> rows(List<UnitDuty> duties) {
        return duties instanceof PagedDuties paged ? paged.rows : duties.stream().map(PagedDuty::of).toList();
    }

    @Override
    public UnitDuty get(int index) {
        UnitDuty duty = made[index];
        if (duty == null) {
            duty = rows.get(index).duty();
            made[index] = duty;
        }
        return duty;
    }

    @Override
    public int size() {
        return rows.size();
    }
}
