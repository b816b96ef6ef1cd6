package org.rectify.progress;

import org.rectify.plans.TaskDetail;

import java.util.List;

/**
 * What a unit needs to write a report: the task (its indicators and obligations), the lead unit reporting, the
 * cycle, the cycles it may report for, what supporting units contributed so far, and whether the head approves.
 */
public record ReportContext(TaskDetail task, long unitId, String unitName, ReportingCycle cycle,
                            List<ReportingCycle> openCycles, SlotStatus status, boolean approvalRequired,
                            List<ReportDetail.Contribution> contributions) {
}
