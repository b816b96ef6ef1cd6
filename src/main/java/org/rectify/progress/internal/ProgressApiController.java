package org.rectify.progress.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.platform.InvalidInputException;
import org.rectify.plans.Plans;
import org.rectify.progress.CadenceSettings;
import org.rectify.progress.CycleMatrix;
import org.rectify.progress.DuePage;
import org.rectify.progress.EvidenceDownloads;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.Evidences;
import org.rectify.progress.IndicatorHistory;
import org.rectify.progress.NewAttachment;
import org.rectify.progress.NewContribution;
import org.rectify.progress.NewReport;
import org.rectify.progress.ObligationCompliance;
import org.rectify.progress.ProgressReports;
import org.rectify.progress.ProgressViews;
import org.rectify.progress.ReportActions;
import org.rectify.progress.ReportContent;
import org.rectify.progress.ReportDetail;
import org.rectify.progress.ReportNotFound;
import org.rectify.progress.ReportState;
import org.rectify.progress.ReportingCadence;
import org.rectify.progress.ReportingCycle;
import org.rectify.progress.ReportingCycles;
import org.rectify.progress.StagedFile;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Progress reporting over JSON (and multipart for files), with the same rules and scope as the pages. */
@RestController
@RequestMapping("/api/progress")
@Tag(name = "progress", description = "Reporting cycles, progress reports, evidence, matrix and compliance")
class ProgressApiController {

    /** A draft's new content; {@code removeAttachmentIds} drops files or links from it. */
    record ReportUpdate(ReportContent content, List<Long> removeAttachmentIds) {
    }

    /** A comment, required to send back or return a report. */
    record Comment(String comment) {
    }

    /** A report with what the caller may do to it now. */
    record ReportView(ReportDetail report, ReportActions actions) {
    }

    private final ProgressReports reports;
    private final ProgressViews views;
    private final ReportingCycles cycles;
    private final Evidences evidences;
    private final Plans plans;
    private final EvidenceUploads uploads;

    ProgressApiController(ProgressReports reports, ProgressViews views, ReportingCycles cycles, Evidences evidences,
                          Plans plans, EvidenceUploads uploads) {
        this.reports = reports;
        this.views = views;
        this.cycles = cycles;
        this.evidences = evidences;
        this.plans = plans;
        this.uploads = uploads;
    }

    // ---- cadence and cycles

    @GetMapping("/plans/{planId}/cadence")
    @Operation(summary = "A plan's reporting cadence (404 when the office has not set one)")
    ReportingCadence cadence(@PathVariable long planId, Caller caller) {
        plans.visible(planId, caller.scope());
        return cycles.cadence(planId).orElseThrow(() -> new ReportNotFound("progress.cadence.notSet"));
    }

    @PutMapping("/plans/{planId}/cadence")
    @Operation(summary = "Set a plan's cadence (office of the unit running the plan): MONTHLY, QUARTERLY or CUSTOM dates")
    ReportingCadence setCadence(@PathVariable long planId, @RequestBody CadenceSettings settings, Caller caller) {
        return cycles.setCadence(planId, settings, caller);
    }

    @GetMapping("/plans/{planId}/cycles")
    @Operation(summary = "A plan's reporting cycles, generated ahead")
    List<ReportingCycle> cycles(@PathVariable long planId, Caller caller) {
        plans.visible(planId, caller.scope());
        cycles.extend(planId);
        return cycles.cycles(planId);
    }

    // ---- views

    @GetMapping("/due")
    @Operation(summary = "Due this cycle: the caller's units' open tasks with their report state, per plan; a page of "
            + "them (page from 0, size 20, 50, 100 or 200, default 100) with the totals of every page")
    DuePage due(@RequestParam(required = false) Long planId, @RequestParam(required = false) Long cycleId,
                @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "" + ProgressViews.DUE_PAGE_SIZE) int size, Caller caller) {
        if (planId != null) {
            cycles.extend(planId);
        }
        return views.duePage(caller, planId, cycleId, page, size);
    }

    @GetMapping("/matrix")
    @Operation(summary = "The cycle matrix of a plan: tasks × lead units, filterable by unit subtree, section and state")
    CycleMatrix matrix(@RequestParam long planId, @RequestParam(required = false) Long cycleId,
                       @RequestParam(required = false) Long unitId, @RequestParam(required = false) String section,
                       @RequestParam(required = false) ReportState state, @RequestParam(defaultValue = "0") int page,
                       Caller caller) {
        cycles.extend(planId);
        return views.matrix(caller, planId, cycleId, unitId, section, state, page);
    }

    @GetMapping("/tasks/{taskId}/indicators")
    @Operation(summary = "A task's indicators against their targets, from submitted reports")
    IndicatorHistory indicators(@PathVariable long taskId, Caller caller) {
        return views.indicators(taskId, caller);
    }

    @GetMapping("/compliance")
    @Operation(summary = "Obligations fulfilled per lead unit in a year (e.g. 4 of 4 meetings)")
    ObligationCompliance compliance(@RequestParam long planId, @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) Long unitId, Caller caller) {
        return views.compliance(caller, planId, year != null ? year : cycles.today().getYear(), unitId);
    }

    // ---- reports

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A first report for a cycle (draft, or submitted with \"submit\": true); 409 if the cycle has one")
    ResponseEntity<ReportDetail> create(@RequestBody NewReport report, Caller caller) {
        requireContent(report);
        ReportDetail saved = reports.create(report, List.of(), caller);
        return ResponseEntity.created(URI.create("/api/progress/reports/" + saved.id())).body(saved);
    }

    @PostMapping(path = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A first report with files: part \"report\" (JSON) and parts \"files\"; all or nothing")
    ResponseEntity<ReportDetail> createWithFiles(@RequestPart("report") NewReport report,
                                                 @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                                 Caller caller) {
        requireContent(report);
        List<StagedFile> staged = new ArrayList<>();
        try {
            reports.check(report, caller);
            List<NewAttachment> attachments = uploads.stageAll(files == null ? List.of() : files, staged).stream()
                    .map(NewAttachment::toReport).toList();
            ReportDetail saved = reports.create(report, attachments, caller);
            return ResponseEntity.created(URI.create("/api/progress/reports/" + saved.id())).body(saved);
        } finally {
            uploads.discard(staged);
        }
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "One version of a report, with all versions of the cycle, evidence, history and what the caller may do")
    ReportView get(@PathVariable long id, Caller caller) {
        ReportDetail report = reports.get(id, caller);
        return new ReportView(report, reports.actions(report, caller));
    }

    @PutMapping("/reports/{id}")
    @Operation(summary = "Save a draft's content (409 once it left DRAFT)")
    ReportDetail update(@PathVariable long id, @RequestBody ReportUpdate update, Caller caller) {
        if (update.content() == null) {
            throw new InvalidInputException("error.unreadable");
        }
        return reports.update(id, update.content(), List.of(), update.removeAttachmentIds(), caller);
    }

    @PostMapping(path = "/reports/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload files to a draft (parts \"files\"), optionally to one of its obligation records")
    ResponseEntity<ReportDetail> upload(@PathVariable long id, @RequestParam(required = false) Long obligationRecordId,
                                        @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                        Caller caller) {
        if (files == null || files.stream().noneMatch(EvidenceUploads::chosen)) {
            throw new InvalidInputException(Map.of("files", "progress.evidence.none"), "progress.evidence.none");
        }
        reports.get(id, caller);
        List<StagedFile> staged = new ArrayList<>();
        try {
            ReportDetail saved = reports.attachFiles(id, obligationRecordId, uploads.stageAll(files, staged), caller);
            return ResponseEntity.status(HttpStatus.CREATED).body(saved);
        } finally {
            uploads.discard(staged);
        }
    }

    @PostMapping("/reports/{id}/submit")
    @Operation(summary = "Submit a draft (or send it for the unit head's approval where the plan requires it)")
    ReportDetail submit(@PathVariable long id, Caller caller) {
        return reports.submit(id, caller);
    }

    @PostMapping("/reports/{id}/approve")
    @Operation(summary = "Approve a report awaiting approval (unit head)")
    ReportDetail approve(@PathVariable long id, Caller caller) {
        return reports.approve(id, caller);
    }

    @PostMapping("/reports/{id}/send-back")
    @Operation(summary = "Send a report awaiting approval back to the staff (unit head), with a comment")
    ReportDetail sendBack(@PathVariable long id, @RequestBody(required = false) Comment comment, Caller caller) {
        return reports.sendBack(id, comment == null ? null : comment.comment(), caller);
    }

    @PostMapping("/reports/{id}/return")
    @Operation(summary = "Return a submitted report to the unit with comments (office)")
    ReportDetail returnToUnit(@PathVariable long id, @RequestBody(required = false) Comment comment, Caller caller) {
        return reports.returnToUnit(id, comment == null ? null : comment.comment(), caller);
    }

    @PostMapping("/reports/{id}/versions")
    @Operation(summary = "Start a correction: a new draft version copying the submitted one")
    ResponseEntity<ReportDetail> newVersion(@PathVariable long id, Caller caller) {
        ReportDetail copy = reports.newVersion(id, caller);
        return ResponseEntity.created(URI.create("/api/progress/reports/" + copy.id())).body(copy);
    }

    // ---- contributions and evidence

    /** The id of a stored contribution. */
    record ContributionSaved(long id) {
    }

    @PostMapping(path = "/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A supporting unit's contribution to a lead unit's report of a cycle")
    ResponseEntity<ContributionSaved> contribute(@RequestBody NewContribution contribution, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new ContributionSaved(reports.contribute(contribution, List.of(), caller)));
    }

    @PostMapping(path = "/contributions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A contribution with files: part \"contribution\" (JSON) and parts \"files\"")
    ResponseEntity<ContributionSaved> contributeWithFiles(@RequestPart("contribution") NewContribution contribution,
                                                          @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                                          Caller caller) {
        List<StagedFile> staged = new ArrayList<>();
        try {
            reports.checkContribution(contribution, caller);
            long id = reports.contribute(contribution, uploads.stageAll(files == null ? List.of() : files, staged), caller);
            return ResponseEntity.status(HttpStatus.CREATED).body(new ContributionSaved(id));
        } finally {
            uploads.discard(staged);
        }
    }

    @GetMapping("/evidence/{id}")
    @Operation(summary = "Download an evidence file (only within the caller's scope)")
    ResponseEntity<Resource> download(@PathVariable long id, Caller caller) throws IOException {
        EvidenceFile file = reports.evidence(id, caller);
        return EvidenceDownloads.of(file, evidences.open(id));
    }

    private static void requireContent(NewReport report) {
        if (report == null || report.content() == null) {
            throw new InvalidInputException(Map.of("content", "progress.report.workDoneRequired"),
                    "progress.report.workDoneRequired");
        }
    }
}
