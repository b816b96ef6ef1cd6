package org.rectify.progress.internal;

import org.rectify.plans.PagedDuty;
import org.rectify.plans.UnitDuty;
import org.rectify.progress.DueList;

import java.util.List;

/** Items and supported tasks as the due list reads them (refs and titles as UTF-8), for the writing's tests. */
final class DueRows {

    private DueRows() {
    }

    /** The items as a page's rows, written by hand. */
    static List<DueList.Item> items(List<DueList.Item> items) {
        return WrittenItems.itemRows(items.stream().map(i -> new WrittenItems.ItemRow(PagedDuty.of(new UnitDuty(i.taskId(),
                0, i.taskRef(), i.taskTitle(), i.taskStatus(), i.unitId(), i.unitName(), i.groupName() == null ? null : 0L,
                i.groupName(), true)), i.status(), i.contributions())).toList(), new WrittenItems.Names());
    }

    /** The supported tasks as a page's rows, written by hand. */
    static List<DueList.Support> supporting(List<DueList.Support> supporting) {
        return WrittenItems.supportRows(supporting.stream().map(s -> new WrittenItems.SupportRow(PagedDuty.of(new UnitDuty(
                s.taskId(), 0, s.taskRef(), s.taskTitle(), null, s.unitId(), s.unitName(), null, null, false)),
                s.contributions())).toList(), new WrittenItems.Names());
    }
}
