package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.progress.VersionStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reports (or corrections) the unit's staff sent to the head for approval. */
@Component
class ReportsToApprove implements TodoSource {

    private final UnitDueList due;

    ReportsToApprove(UnitDueList due) {
        this.due = due;
    }

    @Override
    public String kind() {
        return "05-approve";
    }

    @Override
    public boolean concerns(Caller caller) {
        return caller.role() == Role.UNIT_HEAD;
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return due.items(caller, i -> i.status().latestStatus() == VersionStatus.AWAITING_APPROVAL,
                (p, i) -> "/progress/reports/" + i.status().latestReportId(), "todo.action.approve");
    }
}
