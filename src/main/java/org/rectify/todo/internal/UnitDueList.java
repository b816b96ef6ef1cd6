package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.progress.DueList;
import org.rectify.progress.ProgressViews;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Predicate;

/**
 * The caller's due list of this cycle, read once per request: the three report sources (to write, returned, to
 * approve) are views of the same list.
 */
@Component
class UnitDueList {

    private static final String KEY = UnitDueList.class.getName();

    private final ProgressViews views;

    UnitDueList(ProgressViews views) {
        this.views = views;
    }

    /** The items of the caller's current cycles matching {@code which}, as to-do items opening {@code link}. */
    List<TodoItem> items(Caller caller, Predicate<DueList.Item> which, Link link, String actionKey) {
        return of(caller).plans().stream().filter(p -> p.cycle() != null)
                .flatMap(p -> p.items().stream().filter(which).map(i -> new TodoItem(i.taskId(), i.taskRef(), i.taskTitle(),
                        i.unitName(), p.cycle().dueOn(), link.to(p, i), actionKey, i.status().latestReportId())))
                .toList();
    }

    private DueList of(Caller caller) {
        return PerRequest.get(KEY, () -> views.due(caller, null, null));
    }

    /** Reads the due list again on next use: cycles were added since it was read. */
    void forget() {
        PerRequest.forget(KEY);
    }

    interface Link {
        String to(DueList.PlanDue plan, DueList.Item item);
    }
}
