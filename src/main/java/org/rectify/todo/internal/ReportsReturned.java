package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.progress.ReportState;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reports the office returned to the caller's units, not yet corrected: the report page offers the new version. */
@Component
class ReportsReturned implements TodoSource {

    private final UnitDueList due;

    ReportsReturned(UnitDueList due) {
        this.due = due;
    }

    @Override
    public String kind() {
        return "20-returned";
    }

    @Override
    public boolean concerns(Caller caller) {
        return caller.role().isUnitRole();
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return due.items(caller, i -> i.status().state() == ReportState.RETURNED && !i.status().correctionOpen(),
                (p, i) -> "/progress/reports/" + i.status().latestReportId(), "todo.action.correct");
    }
}
