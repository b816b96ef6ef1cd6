package org.rectify.progress;

import org.rectify.access.Caller;
import org.rectify.plans.Obligation;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskNotFound;
import org.rectify.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;

/**
 * A task's obligations period by period, for the task's page: the records that count ({@link ObligationRecords})
 * against the periods begun ({@link ObligationPeriods}), for the lead units whose reports the caller reads.
 */
@Service
@Transactional(readOnly = true)
public class TaskObligations {

    private final TaskLedger ledger;
    private final ProgressReports reports;
    private final ObligationRecords records;
    private final ReportingCycles cycles;

    TaskObligations(TaskLedger ledger, ProgressReports reports, ObligationRecords records, ReportingCycles cycles) {
        this.ledger = ledger;
        this.reports = reports;
        this.records = records;
        this.cycles = cycles;
    }

    /** The task's obligations in {@code year} (this year when null); a task outside the caller's scope is not found. */
    public TaskObligationCompliance of(long taskId, Integer year, Caller caller) {
        TaskDetail task;
        try {
            task = ledger.get(taskId, caller.scope());
        } catch (TaskNotFound e) {
            throw new ReportNotFound("progress.taskNotFound", taskId);
        }
        LocalDate today = cycles.today();
        int y = year == null ? today.getYear() : year;
        if (y < 1990 || y > today.getYear() + 1) { // a year this work cannot have records in (and no date overflow)
            throw new InvalidInputException(Map.of("year", "progress.task.yearInvalid"), "progress.task.yearInvalid");
        }
        Set<Long> readable = reports.readableReports(taskId, caller).leadUnitIds();
        List<Long> unitIds = task.leadUnitIds().stream().filter(readable::contains).toList();
        if (task.obligations().isEmpty() || unitIds.isEmpty()) {
            return new TaskObligationCompliance(taskId, y, List.of());
        }
        List<ObligationRecords.Counted> held = records.of(REPORT_SLOT.TASK_ID.eq(taskId).and(REPORT_SLOT.UNIT_ID.in(unitIds)),
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        Map<Long, String> names = new java.util.HashMap<>();
        task.leadUnits().forEach(u -> names.putIfAbsent(u.unitId(), u.unitName()));
        List<TaskObligationCompliance.Row> rows = new ArrayList<>();
        for (Obligation o : task.obligations()) { // by obligation, then its lead units in the task's order
            for (long unitId : unitIds) {
                String unitName = names.get(unitId);
                List<TaskObligationCompliance.PeriodCount> periods = ObligationPeriods.begun(o, y, today).stream()
                        .map(p -> new TaskObligationCompliance.PeriodCount(p, o.atLeast(), (int) held.stream()
                                .filter(r -> r.unitId() == unitId && r.subject().equals(o.subject()) && p.includes(r.heldOn()))
                                .count()))
                        .toList();
                rows.add(new TaskObligationCompliance.Row(unitId, unitName, o, periods));
            }
        }
        return new TaskObligationCompliance(taskId, y, List.copyOf(rows));
    }
}
