package org.rectify.closure.internal;

import org.rectify.access.Caller;
import org.rectify.closure.ClosureApplication;
import org.rectify.closure.ClosureCommand;
import org.rectify.closure.ClosureDetail;
import org.rectify.closure.ClosurePolicy;
import org.rectify.closure.ClosureStage;
import org.rectify.closure.ClosureViews;
import org.rectify.closure.Closures;
import org.rectify.closure.NewVerification;
import org.rectify.closure.VerificationMethod;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.Messages;
import org.rectify.platform.Paging;
import org.rectify.platform.RectifyException;
import org.rectify.progress.EvidenceDownloads;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.rectify.units.Units;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The closure pages: the desk, the apply form, one attempt with the steps the caller may take, and the panel on the
 * task page. A refused step shows the attempt again with the reason; "not found" stays a 404.
 */
@Controller
class ClosureController {

    private final Closures closures;
    private final ClosureViews views;
    private final TaskLedger ledger;
    private final Units units;
    private final EvidenceUploads uploads;
    private final Evidences evidences;
    private final Messages messages;
    private final ClosureDocument document;

    ClosureController(Closures closures, ClosureViews views, TaskLedger ledger, Units units, EvidenceUploads uploads,
                      Evidences evidences, Messages messages, ClosureDocument document) {
        this.document = document;
        this.closures = closures;
        this.views = views;
        this.ledger = ledger;
        this.units = units;
        this.uploads = uploads;
        this.evidences = evidences;
        this.messages = messages;
    }

    @GetMapping("/closure")
    String desk(@RequestParam(defaultValue = "false") boolean ended, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Caller caller, Model model) {
        var desk = views.deskByStage(caller, ended, Paging.of(page, size));
        var result = desk.page();
        model.addAttribute("result", result);
        model.addAttribute("perStage", desk.perStage());
        model.addAttribute("closures", result.rows());
        model.addAttribute("ended", ended);
        model.addAttribute("stages", ClosureStage.values());
        return "closure/desk";
    }

    @GetMapping("/tasks/{taskId}/closure/apply")
    String applyForm(@PathVariable long taskId, Caller caller, Model model) {
        return form(ledger.get(taskId, caller.scope()), caller, model, null, null);
    }

    @PostMapping("/tasks/{taskId}/closure/apply")
    String apply(@PathVariable long taskId, @RequestParam(required = false) String statement,
                 @RequestParam(name = "achieved", required = false) List<Boolean> achieved,
                 @RequestParam(name = "answer", required = false) List<String> answers,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files,
                 @RequestParam(name = "earlierEvidence", required = false) List<Long> earlierEvidence,
                 Caller caller, Model model, RedirectAttributes redirect) {
        TaskDetail task = ledger.get(taskId, caller.scope());
        List<ClosureApplication.Answer> given = new ArrayList<>();
        for (int i = 0; answers != null && i < answers.size(); i++) {
            given.add(new ClosureApplication.Answer(achieved != null && i < achieved.size() && Boolean.TRUE.equals(achieved.get(i)),
                    answers.get(i)));
        }
        ClosureApplication application = new ClosureApplication(statement, given, earlierEvidence);
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(EvidenceUploads::chosen).toList();
        List<StagedFile> staged = new ArrayList<>();
        try {
            closures.checkApplication(taskId, application, chosen.size(), caller);
            long id = closures.apply(taskId, application, uploads.stageAll(chosen, staged), caller);
            redirect.addFlashAttribute("flash", messages.text("closure.applied"));
            return "redirect:/closure/" + id;
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            return form(task, caller, model, application, messages.text(e));
        } finally {
            uploads.discard(staged);
        }
    }

    @GetMapping("/closure/{id}")
    String detail(@PathVariable long id, Caller caller, Model model) {
        return page(views.get(id, caller), caller, model, null);
    }

    @GetMapping("/closure/tasks/{taskId}/panel")
    String panel(@PathVariable long taskId, Caller caller, Model model) {
        TaskDetail task = ledger.get(taskId, caller.scope());
        model.addAttribute("task", task);
        List<ClosureDetail> attempts = views.ofTask(taskId, caller);
        model.addAttribute("attempts", attempts);
        model.addAttribute("mayApply", ClosurePolicy.mayApply(caller, views.standing(taskId, null, caller))
                && attempts.stream().noneMatch(c -> c.stage().inFlight())
                && switch (task.status()) { case IN_PROGRESS, REOPENED, ONGOING -> true; default -> false; });
        return "closure/panel :: panel";
    }

    @PostMapping("/closure/{id}/sign-off")
    String signOff(@PathVariable long id, @RequestParam int version, Caller caller, Model model, RedirectAttributes redirect) {
        return act(id, caller, model, redirect, () -> closures.signOff(id, version, caller));
    }

    @PostMapping("/closure/{id}/assign")
    String assign(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long acceptanceUnitId,
                  @RequestParam(defaultValue = "false") boolean onSiteRequired, Caller caller, Model model,
                  RedirectAttributes redirect) {
        return act(id, caller, model, redirect, () -> closures.assignVerification(id, version, acceptanceUnitId, onSiteRequired, caller));
    }

    @PostMapping("/closure/{id}/verify")
    String verify(@PathVariable long id, @RequestParam int version,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate verifiedOn,
                  @RequestParam(required = false) String members, @RequestParam(required = false) VerificationMethod method,
                  @RequestParam(required = false) String findings, @RequestParam(required = false) Boolean passed,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  Caller caller, Model model, RedirectAttributes redirect) {
        NewVerification v = new NewVerification(verifiedOn, members, method, findings, passed);
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(EvidenceUploads::chosen).toList();
        List<StagedFile> staged = new ArrayList<>();
        try {
            return act(id, caller, model, redirect, () -> {
                closures.checkVerification(id, version, v, chosen.size(), caller);
                return closures.verify(id, version, v, uploads.stageAll(chosen, staged), caller);
            });
        } finally {
            uploads.discard(staged);
        }
    }

    @PostMapping("/closure/{id}/approve")
    String approve(@PathVariable long id, @RequestParam int version, Caller caller, Model model, RedirectAttributes redirect) {
        return act(id, caller, model, redirect, () -> closures.approve(id, version, caller));
    }

    @PostMapping("/closure/{id}/return")
    String sendBack(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                    Caller caller, Model model, RedirectAttributes redirect) {
        return act(id, caller, model, redirect, () -> closures.sendBack(id, version, reason, caller));
    }

    @PostMapping("/closure/{id}/objections/{objectionId}/answer")
    String answer(@PathVariable long id, @PathVariable long objectionId, @RequestParam int version,
                  @RequestParam(defaultValue = "false") boolean upheld, @RequestParam(required = false) String answer,
                  Caller caller, Model model, RedirectAttributes redirect) {
        return act(id, caller, model, redirect, () -> closures.answerObjection(id, objectionId, version, upheld, answer, caller));
    }

    @PostMapping("/closure/{id}/close")
    String close(@PathVariable long id, @RequestParam int version, Caller caller, Model model, RedirectAttributes redirect) {
        return act(id, caller, model, redirect, () -> closures.close(id, version, caller));
    }

    /** The closure notice (销号通知) as a Word file, once the task is closed. */
    @GetMapping("/closure/{id}/notice.docx")
    ResponseEntity<byte[]> notice(@PathVariable long id, Caller caller) {
        ClosureDetail c = views.get(id, caller);
        if (c.number() == null) {
            throw new org.rectify.closure.ClosureNotFound(id);
        }
        String issuer = views.officeUnit(c).map(unit -> units.get(unit).name()).orElse("");
        return org.rectify.platform.OfficialDocument.download(c.number(), document.render(c, views.taskLabel(c), views.leadUnits(c.taskId()), issuer));
    }

    /** A file of the attempt (application, verification or objection), to whoever sees the attempt. */
    @GetMapping({"/closure/{id}/evidence/{evidenceId}", "/api/closures/{id}/evidence/{evidenceId}"})
    ResponseEntity<Resource> evidence(@PathVariable long id, @PathVariable long evidenceId, Caller caller) throws IOException {
        ClosureDetail c = views.get(id, caller);
        boolean attached = c.files().stream().anyMatch(f -> f.file().id() == evidenceId)
                || c.objections().stream().anyMatch(o -> o.evidenceId() != null && o.evidenceId() == evidenceId);
        var file = evidences.find(evidenceId).filter(f -> attached)
                .orElseThrow(() -> new org.rectify.progress.EvidenceNotFound(evidenceId));
        return EvidenceDownloads.of(file, evidences.open(file.id()));
    }

    private interface Step {
        ClosureDetail take();
    }

    private String act(long id, Caller caller, Model model, RedirectAttributes redirect, Step step) {
        try {
            ClosureDetail after = step.take();
            redirect.addFlashAttribute("flash", messages.text("closure.stepTaken", messages.text("closure.stage." + after.stage())));
            return "redirect:/closure/" + id;
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            return page(views.get(id, caller), caller, model, messages.text(e));
        }
    }

    private String page(ClosureDetail c, Caller caller, Model model, String error) {
        Set<ClosureCommand> steps = views.steps(c, caller);
        model.addAttribute("closure", c);
        model.addAttribute("taskLabel", views.taskLabel(c)); // reached from the desk, which mixes plans
        model.addAttribute("steps", steps);
        model.addAttribute("leadUnits", views.leadUnits(c.taskId()));
        model.addAttribute("today", views.today());
        model.addAttribute("mayClose", steps.contains(ClosureCommand.CLOSE) && c.readyToClose(views.today()));
        model.addAttribute("units", steps.contains(ClosureCommand.ASSIGN_VERIFICATION) ? units.tree() : List.of());
        model.addAttribute("methods", VerificationMethod.values());
        model.addAttribute("stepError", error);
        model.addAttribute("maxSizeMb", evidences.store().maxSize() / (1024 * 1024));
        return "closure/detail";
    }

    private String form(TaskDetail task, Caller caller, Model model, ClosureApplication draft, String error) {
        model.addAttribute("task", task);
        model.addAttribute("taskLabel", views.taskLabel(task.id(), task.ref())); // as the closure and look-back pages name it
        model.addAttribute("items", views.items(task, caller));
        model.addAttribute("draft", draft);
        model.addAttribute("formError", error);
        model.addAttribute("maxSizeMb", evidences.store().maxSize() / (1024 * 1024));
        model.addAttribute("earlierEvidence", views.earlierEvidence(task.id(), caller));
        model.addAttribute("confirmation", task.status() == org.rectify.plans.TaskStatus.ONGOING);
        return "closure/apply";
    }
}
