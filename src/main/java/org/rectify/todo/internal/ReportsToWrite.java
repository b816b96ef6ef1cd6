package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.progress.VersionStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/** This cycle's reports the caller's units have not written yet, or left as a draft (a head's send-back included). */
@Component
class ReportsToWrite implements TodoSource {

    private final UnitDueList due;

    ReportsToWrite(UnitDueList due) {
        this.due = due;
    }

    @Override
    public String kind() {
        return "10-write";
    }

    @Override
    public boolean concerns(Caller caller) {
        return caller.role().isUnitRole();
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return due.items(caller, i -> !i.status().reported() || i.status().latestStatus() == VersionStatus.DRAFT,
                (p, i) -> i.status().reported() ? "/progress/reports/" + i.status().latestReportId() + "/edit"
                        : "/progress/reports/new?taskId=" + i.taskId() + "&cycleId=" + p.cycle().id() + "&unitId=" + i.unitId(),
                "todo.action.write");
    }
}
