package org.rectify.progress;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.AssignedUnit;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskNotFound;
import org.rectify.progress.ReportLifecycle.Situation;
import org.rectify.progress.ReportLifecycle.Who;
import org.rectify.progress.internal.db.tables.records.ProgressReportRecord;
import org.rectify.progress.internal.db.tables.records.ReportSlotRecord;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which reports and tasks a caller reaches, and as whom: the task in their scope, the lead unit they report for, the
 * supporting unit they contribute as, who reads a report (404 otherwise), and a report loaded with what its commands
 * check. What they may then do to it is {@link ReportLifecycle}'s.
 */
@Component
class ReportAccess {

    private final TaskLedger ledger;
    private final Plans plans;
    private final Units units;
    private final ReportingCycles cycles;
    private final ReportStore store;
    private final Clock clock;

    ReportAccess(TaskLedger ledger, Plans plans, Units units, ReportingCycles cycles, ReportStore store, Clock clock) {
        this.ledger = ledger;
        this.plans = plans;
        this.units = units;
        this.cycles = cycles;
        this.store = store;
        this.clock = clock;
    }

    /** A report loaded for a command or for reading, in the caller's scope, with what its commands check. */
    record Loaded(ProgressReportRecord report, ReportSlotRecord slot, TaskDetail task, ReportingUnit unit,
                  ReportingCycle cycle, boolean approvalRequired) {

        /** A command's situation on this version. */
        Situation situation(Caller caller) {
            return situation(caller, report);
        }

        /** A command's situation on {@code version}, one of this report's cycle (NEW_VERSION acts on the latest). */
        Situation situation(Caller caller, ProgressReportRecord version) {
            return new Situation(who(caller, unit, false), ReportingCycles.REPORTING.contains(task.status()),
                    approvalRequired, new ReportLifecycle.Version(version.getStatus(),
                    Objects.equals(slot.getLatestReportId(), version.getId()),
                    Objects.equals(slot.getSubmittedReportId(), version.getId()), slot.getState() == ReportState.RETURNED));
        }
    }

    /** The caller as the lifecycle sees them, for a report of {@code unit}. */
    static Who who(Caller caller, ReportingUnit unit, boolean supporting) {
        return new Who(caller.role().isUnitRole(), caller.role() == Role.UNIT_HEAD, caller.role().managesTasks(),
                unit != null && caller.scope().includesUnitAt(unit.path()), supporting);
    }

    TaskDetail task(long taskId, Caller caller) {
        return visibleTask(taskId, caller).orElseThrow(() -> new ReportNotFound("progress.taskNotFound", taskId));
    }

    /**
     * {@link #task} as a new report needs it: without its milestones and history, and with its indicators and
     * obligations only for {@code content} that has measurements or obligation records to check against them
     * ({@link TaskLedger#forReporting}).
     */
    TaskDetail taskToReportOn(long taskId, ReportContent content, Caller caller) {
        try {
            return ledger.forReporting(taskId, caller.scope(), ReportRules.needsTargets(content));
        } catch (TaskNotFound e) {
            throw new ReportNotFound("progress.taskNotFound", taskId);
        }
    }

    Optional<TaskDetail> visibleTask(long taskId, Caller caller) {
        try {
            return Optional.of(ledger.get(taskId, caller.scope()));
        } catch (TaskNotFound e) {
            return Optional.empty();
        }
    }

    /**
     * The lead unit the caller reports for: the one asked for, their own, or the only one within their unit. Their own
     * (nearly every report) is not read from the units (issue 14: one statement fewer per report): its name is the
     * one the task's read joined to its lead units, and its path the caller's scope, read with the caller's unit at
     * sign-in; a unit moved since is in that scope and is what the rest of the request reads by.
     */
    ReportingUnit reportingUnit(TaskDetail task, Long requested, Caller caller) {
        if (!caller.role().isUnitRole()) {
            throw new ReportForbidden("progress.report.onlyUnits");
        }
        List<Long> leads = task.leadUnitIds();
        if (requested != null && !leads.contains(requested)) {
            throw new ReportInvalid("unitId", "progress.report.notLeadUnit");
        }
        if ((requested == null || requested == caller.unitId()) && leads.contains(caller.unitId())) {
            return ownUnit(task, caller);
        }
        if (requested != null) {
            Unit unit = units.get(requested);
            if (!caller.scope().includesUnitAt(unit.path())) {
                throw new ReportForbidden("progress.report.notYourUnit");
            }
            return ReportingUnit.of(unit);
        }
        List<Unit> within = leads.stream().map(units::get).filter(u -> caller.scope().includesUnitAt(u.path())).toList();
        if (within.size() == 1) {
            return ReportingUnit.of(within.get(0));
        }
        if (within.isEmpty()) {
            throw new ReportForbidden(supportingUnit(task, caller).isPresent() ? "progress.report.supportingUnit"
                    : "progress.report.notLeadUnit");
        }
        throw new ReportInvalid("unitId", "progress.report.chooseUnit");
    }

    /** The caller's own unit, a lead unit of the task, from what the request has read already. */
    private static ReportingUnit ownUnit(TaskDetail task, Caller caller) {
        String name = task.leadUnits().stream().filter(u -> u.unitId() == caller.unitId()).findFirst()
                .map(AssignedUnit::unitName).orElseThrow();
        return new ReportingUnit(caller.unitId(), name, caller.scope().unitPath());
    }

    Optional<Unit> supportingUnit(TaskDetail task, Caller caller) {
        List<Long> supporters = task.supportingUnits().stream().map(AssignedUnit::unitId).distinct().toList();
        if (supporters.contains(caller.unitId())) {
            return Optional.of(units.get(caller.unitId()));
        }
        return supporters.stream().map(units::get).filter(u -> caller.scope().includesUnitAt(u.path())).findFirst();
    }

    /**
     * Who reads a lead unit's report: everyone in the unit's own subtree and above it; the office, supervisors and
     * leaders of the unit running the plan; and the task's supporting units, who contribute to it.
     */
    boolean mayRead(Caller caller, TaskDetail task, String unitPath) {
        DataScope scope = caller.scope();
        return scope.isAll() || scope.includesUnitAt(unitPath)
                || (scope.ownPlans() && plans.isRunFrom(task.planId(), scope.unitPath()))
                || ledger.isSupportedFrom(task.id(), scope.unitPath());
    }

    Loaded load(long reportId, Caller caller, boolean forUpdate) {
        return load(reportId, caller, forUpdate, null);
    }

    /**
     * The report with what its commands check. {@code known}: the report's task as this command already read it
     * in the caller's scope, so a write-then-answer does not load the task and its history again.
     */
    Loaded load(long reportId, Caller caller, boolean forUpdate, TaskDetail known) {
        ProgressReportRecord report = store.report(reportId)
                .orElseThrow(() -> new ReportNotFound("progress.report.notFound", reportId));
        TaskDetail task = known != null && known.id() == report.getTaskId() ? known : visibleTask(report.getTaskId(), caller)
                .orElseThrow(() -> new ReportNotFound("progress.report.notFound", reportId));
        ReportingUnit unit = ReportingUnit.of(units.get(report.getUnitId()));
        if (!mayRead(caller, task, unit.path())) {
            throw new ReportNotFound("progress.report.notFound", reportId);
        }
        ReportSlotRecord slot = store.slot(report.getSlotId(), forUpdate);
        if (forUpdate) { // one command at a time on a cycle's report; read the version again under the lock
            report = store.report(reportId).orElseThrow();
        }
        return new Loaded(report, slot, task, unit, cycles.cycle(report.getCycleId()), approvalRequired(task.planId()));
    }

    boolean approvalRequired(long planId) {
        return cycles.cadence(planId).map(ReportingCadence::approvalRequired).orElse(false);
    }

    ReportingCycle openCycle(TaskDetail task, long cycleId) {
        return openCycleWithApproval(task, cycleId, false).cycle();
    }

    /**
     * A begun cycle of the task's plan with whether the plan's reports wait for approval: 410 for a cycle no longer
     * there (remade since the link was made), 404 for another plan's. {@code kept}: as kept on this node
     * ({@link ReportingCycles#keptWithApproval}; for a first report, whose statement checks it), else as stored now.
     */
    ReportingCycles.WithApproval openCycleWithApproval(TaskDetail task, long cycleId, boolean kept) {
        LocalDate today = ReportingCycles.today(clock);
        ReportingCycles.WithApproval found = (kept ? cycles.keptWithApproval(cycleId, today) : cycles.findWithApproval(cycleId, today))
                .orElseThrow(() -> new CycleGone(cycleId));
        if (found.cycle().planId() != task.planId()) {
            throw new ReportNotFound("progress.cycle.notFound", cycleId);
        }
        if (!found.cycle().hasStartedBy(today)) {
            throw new ReportInvalid("cycleId", "progress.cycle.notOpen");
        }
        return found;
    }

    void requireReporting(TaskDetail task) {
        if (!ReportingCycles.REPORTING.contains(task.status())) {
            throw new ReportConflict("progress.report.taskNotReporting");
        }
    }
}
