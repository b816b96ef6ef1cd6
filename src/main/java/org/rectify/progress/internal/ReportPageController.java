package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.RectifyException;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.EvidenceDownloads;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.Evidences;
import org.rectify.progress.NewAttachment;
import org.rectify.progress.NewContribution;
import org.rectify.progress.NewReport;
import org.rectify.progress.Phase;
import org.rectify.progress.ProgressReports;
import org.rectify.progress.ReportContext;
import org.rectify.progress.ReportDetail;
import org.rectify.progress.ReportingCycles;
import org.rectify.progress.StagedFile;
import org.rectify.progress.VersionStatus;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writing a report (form with files), its page with versions and evidence, and the buttons that move it on. */
@Controller
class ReportPageController {

    private final ProgressReports reports;
    private final ReportingCycles cycles;
    private final Evidences evidences;
    private final TaskLedger ledger;
    private final EvidenceUploads uploads;
    private final Messages messages;

    private final PlanShortNames shortNames;

    ReportPageController(ProgressReports reports, ReportingCycles cycles, Evidences evidences, TaskLedger ledger,
                         EvidenceUploads uploads, Messages messages, PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.reports = reports;
        this.cycles = cycles;
        this.evidences = evidences;
        this.ledger = ledger;
        this.uploads = uploads;
        this.messages = messages;
    }

    /** Whether the caller is a unit head: the head's "submit" needs no approval. */
    @ModelAttribute("head")
    boolean head(Caller caller) {
        return caller.role() == Role.UNIT_HEAD;
    }

    /**
     * The form for a task's report. Reached from the due list; an old link or bookmark without the task, or for a
     * task or cycle no longer open to reports, leads to the due list with a word on why rather than to an error page.
     */
    @GetMapping("/progress/reports/new")
    String newReport(@RequestParam(required = false) Long taskId, @RequestParam(required = false) Long cycleId,
                     @RequestParam(required = false) Long unitId, Caller caller, Model model, RedirectAttributes redirect) {
        if (taskId == null) {
            redirect.addFlashAttribute("flashInfo", text(caller.role().isUnitRole() ? "progress.report.pickTask"
                    : "progress.report.pickTaskOffice"));
            return "redirect:" + ProgressHome.of(caller); // straight there: a second redirect would drop the word
        }
        ReportContext context;
        try {
            context = reports.context(taskId, cycleId, unitId, caller);
        } catch (RectifyException e) {
            if (e.kind() != RectifyException.Kind.CONFLICT && e.kind() != RectifyException.Kind.INVALID
                    && e.kind() != RectifyException.Kind.GONE) { // GONE: a cycle remade since the link was kept
                throw e; // a task the caller may not see or report on stays "not found" / "forbidden"
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
            return "redirect:" + ProgressHome.of(caller);
        }
        if (context.status().reported()) { // this cycle has a report: show it rather than a second first report
            return "redirect:/progress/reports/" + context.status().latestReportId();
        }
        return form(model, ReportForm.blank(context.task(), context.cycle().id(), context.unitId()), context, null,
                Map.of(), null);
    }

    @PostMapping("/progress/reports")
    String create(@ModelAttribute("form") ReportForm form, BindingResult binding, Caller caller, Model model,
                  RedirectAttributes redirect) {
        if (form.getTaskId() == null || form.getCycleId() == null) {
            throw new InvalidInputException("error.unreadable");
        }
        ReportContext context = reports.context(form.getTaskId(), form.getCycleId(), form.getUnitId(), caller);
        if (binding.hasErrors()) {
            return form(model, form.withRows(context.task()), context, null, messages.fields(binding), text("error.invalid"));
        }
        NewReport report = new NewReport(form.getTaskId(), form.getCycleId(), context.unitId(), form.toContent(),
                form.isSubmit());
        List<StagedFile> staged = new ArrayList<>();
        try {
            reports.check(report, caller);
            ReportDetail saved = reports.create(report, attachments(form, staged), caller);
            redirect.addFlashAttribute("flash", form.isSubmit() ? submitted(saved) : text("progress.report.savedFlash"));
            return "redirect:/progress/reports/" + saved.id();
        } catch (InvalidInputException e) {
            return form(model, form.withRows(context.task()), context, null, form.onFormRows(messages.fields(e)),
                    messages.text(e) + filesAgain(form));
        } catch (RectifyException e) {
            if (e.kind() != RectifyException.Kind.CONFLICT) {
                throw e;
            }
            return form(model, form.withRows(context.task()), context, null, Map.of(), messages.text(e));
        } finally {
            uploads.discard(staged);
        }
    }

    @GetMapping("/progress/reports/{id}")
    String report(@PathVariable long id, Caller caller, Model model) {
        ReportDetail report = reports.get(id, caller);
        model.addAttribute("report", report);
        // reached from the inbox and the due list, which mix plans: the task says which plan it is in
        model.addAttribute("taskLabel", shortNames.label(report.taskId(), report.taskRef()));
        model.addAttribute("actions", reports.actions(report, caller));
        model.addAttribute("caller", caller);
        return "progress/report";
    }

    @GetMapping("/progress/reports/{id}/edit")
    String edit(@PathVariable long id, Caller caller, Model model) {
        ReportDetail report = reports.get(id, caller);
        if (!reports.actions(report, caller).edit()) {
            return "redirect:/progress/reports/" + id;
        }
        ReportContext context = reports.context(report.taskId(), report.cycle().id(), report.unitId(), caller);
        return form(model, ReportForm.of(report, context.task()), context, report, Map.of(), null);
    }

    @PostMapping("/progress/reports/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ReportForm form, BindingResult binding, Caller caller,
                  Model model, RedirectAttributes redirect) {
        ReportDetail report = reports.get(id, caller);
        ReportContext context = reports.context(report.taskId(), report.cycle().id(), report.unitId(), caller);
        if (binding.hasErrors()) {
            return form(model, form.withRows(context.task()), context, report, messages.fields(binding), text("error.invalid"));
        }
        List<StagedFile> staged = new ArrayList<>();
        try {
            reports.checkUpdate(id, form.toContent(), caller);
            reports.update(id, form.toContent(), attachments(form, staged), form.getRemoveAttachmentIds(), caller);
            redirect.addFlashAttribute("flash", form.isSubmit() ? submitted(reports.submit(id, caller))
                    : text("progress.report.savedFlash"));
            return "redirect:/progress/reports/" + id;
        } catch (InvalidInputException e) {
            return form(model, form.withRows(context.task()), context, report, form.onFormRows(messages.fields(e)),
                    messages.text(e) + filesAgain(form));
        } catch (RectifyException e) {
            if (e.kind() != RectifyException.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
            return "redirect:/progress/reports/" + id;
        } finally {
            uploads.discard(staged);
        }
    }

    @PostMapping("/progress/reports/{id}/{command:submit|approve|send-back|return|versions}")
    String command(@PathVariable long id, @PathVariable String command, @RequestParam(required = false) String comment,
                   Caller caller, RedirectAttributes redirect) {
        long target = id;
        try {
            String done = null; // a submission says where it went; the other commands have their word
            switch (command) {
                case "submit" -> done = submitted(reports.submit(id, caller));
                case "approve" -> reports.approve(id, caller);
                case "send-back" -> reports.sendBack(id, comment, caller);
                case "return" -> reports.returnToUnit(id, comment, caller);
                default -> target = reports.newVersion(id, caller).id();
            }
            redirect.addFlashAttribute("flash", done != null ? done : text("progress.report.done." + command));
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "versions".equals(command) && target != id ? "redirect:/progress/reports/" + target + "/edit"
                : "redirect:/progress/reports/" + id;
    }

    @GetMapping("/progress/evidence/{id}")
    ResponseEntity<Resource> download(@PathVariable long id, Caller caller) throws IOException {
        EvidenceFile file = reports.evidence(id, caller);
        return EvidenceDownloads.of(file, evidences.open(id));
    }

    @GetMapping("/progress/contributions/new")
    String newContribution(@RequestParam(required = false) Long taskId, @RequestParam(required = false) Long cycleId,
                           Caller caller, Model model, RedirectAttributes redirect) {
        if (taskId == null) { // an old link: the due list names the tasks the unit supports
            redirect.addFlashAttribute("flashInfo", text("progress.contribution.pickTask"));
            return "redirect:" + ProgressHome.of(caller);
        }
        TaskDetail task = ledger.get(taskId, caller.scope());
        cycles.extend(task.planId());
        Long cycle = cycleId != null ? cycleId : cycles.current(task.planId()).map(c -> c.id()).orElse(null);
        return contributionForm(model, task, cycle, null, "", null, Map.of());
    }

    @PostMapping("/progress/contributions")
    String contribute(@RequestParam long taskId, @RequestParam long cycleId, @RequestParam(required = false) Long leadUnitId,
                      @RequestParam(defaultValue = "") String text,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files, Caller caller,
                      Model model, RedirectAttributes redirect) {
        TaskDetail task = ledger.get(taskId, caller.scope());
        NewContribution contribution = new NewContribution(taskId, cycleId, leadUnitId, text);
        List<StagedFile> staged = new ArrayList<>();
        try {
            reports.checkContribution(contribution, caller);
            reports.contribute(contribution, uploads.stageAll(files == null ? List.of() : files, staged), caller);
            redirect.addFlashAttribute("flash", text("progress.contribution.savedFlash"));
            return "redirect:/progress/due?planId=" + task.planId() + "&cycleId=" + cycleId;
        } catch (InvalidInputException e) {
            return contributionForm(model, task, cycleId, leadUnitId, text, messages.text(e), messages.fields(e));
        } finally {
            uploads.discard(staged);
        }
    }

    private String contributionForm(Model model, TaskDetail task, Long cycleId, Long leadUnitId, String text,
                                    String formError, Map<String, String> fieldErrors) {
        model.addAttribute("task", task);
        model.addAttribute("cycles", cycles.cycles(task.planId()).stream()
                .filter(c -> c.hasStartedBy(cycles.today())).toList());
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("leadUnitId", leadUnitId);
        model.addAttribute("text", text);
        model.addAttribute("formError", formError);
        model.addAttribute("fieldErrors", fieldErrors);
        return "progress/contribute";
    }

    /** Stages the report's files and each record's minutes; what is staged is listed in {@code staged}. */
    private List<NewAttachment> attachments(ReportForm form, List<StagedFile> staged) {
        List<NewAttachment> out = new ArrayList<>();
        for (MultipartFile f : form.getFiles()) {
            if (EvidenceUploads.chosen(f)) {
                out.add(NewAttachment.toReport(uploads.stage(f, staged)));
            }
        }
        form.minutes().forEach((index, f) -> out.add(new NewAttachment(uploads.stage(f, staged), index)));
        return out;
    }

    private String filesAgain(ReportForm form) {
        boolean chose = form.getFiles().stream().anyMatch(EvidenceUploads::chosen) || !form.minutes().isEmpty();
        return chose ? " " + text("progress.report.chooseFilesAgain") : "";
    }

    private String form(Model model, ReportForm form, ReportContext context, ReportDetail report,
                        Map<String, String> fieldErrors, String formError) {
        model.addAttribute("form", form);
        model.addAttribute("context", context);
        model.addAttribute("task", context.task());
        model.addAttribute("report", report);
        model.addAttribute("minutes", report == null ? Map.of() : report.obligationRecords().stream().collect(
                java.util.stream.Collectors.toMap(ReportDetail.ObligationRecord::id, ReportDetail.ObligationRecord::attachments)));
        model.addAttribute("phases", Phase.values());
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", formError);
        model.addAttribute("maxSizeMb", evidences.store().maxSize() / (1024 * 1024));
        return "progress/form";
    }

    /** What staff are told once they submit: the report went to the office, or first to their unit head. */
    private String submitted(ReportDetail report) {
        return text(report.status() == VersionStatus.AWAITING_APPROVAL
                ? "progress.report.sentForApprovalFlash" : "progress.report.submittedFlash");
    }

    private String text(String key, Object... args) {
        return messages.text(key, args);
    }
}
