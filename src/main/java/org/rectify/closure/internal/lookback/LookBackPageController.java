package org.rectify.closure.internal.lookback;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.access.Caller;
import org.rectify.closure.LookBack;
import org.rectify.closure.LookBackScheduling;
import org.rectify.closure.LookBackSettings;
import org.rectify.closure.LookBacks;
import org.rectify.closure.NewLookBackCampaign;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.Paging;
import org.rectify.platform.RectifyException;
import org.rectify.progress.EvidenceDownloads;
import org.rectify.progress.EvidenceFile;
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
import java.util.Map;

/**
 * The look-back pages: the desk (what the caller's unit checks; for the office, the look-backs on its plans, its
 * campaigns and the form to start one), one look-back with the checking unit's record form, a plan's settings, and
 * the look-back panel of a task's page (loaded there by htmx: the task page belongs to plans).
 */
@Controller
class LookBackPageController {

    private final LookBacks lookBacks;
    private final LookBackScheduling scheduling;
    private final Plans plans;
    private final TaskLedger tasks;
    private final Units units;
    private final Messages messages;
    private final EvidenceUploads uploads;
    private final Evidences evidences;
    private final PlanShortNames shortNames;

    LookBackPageController(LookBacks lookBacks, LookBackScheduling scheduling, Plans plans, TaskLedger tasks, Units units,
                           Messages messages, EvidenceUploads uploads, Evidences evidences, PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.lookBacks = lookBacks;
        this.scheduling = scheduling;
        this.plans = plans;
        this.tasks = tasks;
        this.units = units;
        this.messages = messages;
        this.uploads = uploads;
        this.evidences = evidences;
    }

    @GetMapping("/closure/look-backs")
    String desk(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                Caller caller, Model model) {
        return desk(caller, model, Map.of(), Paging.of(page, size));
    }

    /** The office pages the look-backs of its plans; a unit those it is to check. */
    private String desk(Caller caller, Model model, Map<String, String> fieldErrors, Paging paging) {
        model.addAttribute("today", lookBacks.today());
        boolean office = caller.role().managesTasks();
        var result = office ? lookBacks.governed(caller, paging) : lookBacks.toCheck(caller, paging);
        model.addAttribute("result", result);
        model.addAttribute("toCheck", office ? List.of() : result.rows());
        model.addAttribute("office", office);
        if (office) {
            model.addAttribute("governed", result.rows());
            model.addAttribute("campaigns", scheduling.campaigns(caller));
            model.addAttribute("plans", plans.governedBy(caller));
            model.addAttribute("units", units.subtree(caller.unitId()));
        }
        model.addAttribute("fieldErrors", fieldErrors);
        return "closure/lookbacks";
    }

    @PostMapping("/closure/look-backs/campaigns")
    String startCampaign(@RequestParam(required = false) Long planId, @RequestParam(required = false) String title,
                         @RequestParam(required = false) String section, @RequestParam(required = false) Long leadUnitId,
                         @RequestParam(required = false) String refs, @RequestParam(required = false) Long checkingUnitId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                         Caller caller, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var started = scheduling.startCampaign(new NewLookBackCampaign(planId, title, section, leadUnitId,
                    LookBackForms.refs(refs), checkingUnitId, dueOn), caller);
            redirect.addFlashAttribute("flash", messages.text("lookback.campaign.started", started.lookBacks()));
            return "redirect:/closure/look-backs";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("campaignError", messages.text(e));
            model.addAttribute("draft", Map.of("title", title == null ? "" : title, "section", section == null ? "" : section,
                    "refs", refs == null ? "" : refs));
            return desk(caller, model, messages.fields(e), Paging.first());
        }
    }

    @GetMapping("/closure/look-backs/{id}")
    String lookBack(@PathVariable long id, Caller caller, Model model) {
        return page(lookBacks.get(id, caller.scope()), caller, model);
    }

    /** The record with its files: checked before any file is streamed, then staged, then kept in one transaction. */
    @PostMapping("/closure/look-backs/{id}/record")
    String record(@PathVariable long id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String findings, @RequestParam(required = false) List<MultipartFile> files,
                  Caller caller, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<StagedFile> staged = new ArrayList<>();
        try {
            var status = LookBackForms.outcome(outcome);
            lookBacks.checkRecord(id, status, findings, caller);
            lookBacks.record(id, status, findings, uploads.stageAll(files == null ? List.of() : files, staged), caller);
            redirect.addFlashAttribute("flash", messages.text("lookback.recorded." + status));
            return "redirect:/closure/look-backs/" + id;
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            boolean choseFiles = files != null && files.stream().anyMatch(EvidenceUploads::chosen);
            response.setStatus(e.kind().status);
            // say what is wrong: each field's sentence, not only "the input has errors"
            String why = e instanceof InvalidInputException invalid && !messages.fields(invalid).isEmpty()
                    ? String.join(" ", messages.fields(invalid).values()) : messages.text(e);
            model.addAttribute("recordError", why + (choseFiles ? " " + messages.text("progress.report.chooseFilesAgain") : ""));
            model.addAttribute("findingsDraft", findings);
            model.addAttribute("outcomeDraft", outcome);
            return page(lookBacks.get(id, caller.scope()), caller, model);
        } finally {
            uploads.discard(staged);
        }
    }

    @GetMapping("/closure/look-backs/{id}/evidence/{evidenceId}")
    ResponseEntity<Resource> evidence(@PathVariable long id, @PathVariable long evidenceId, Caller caller) throws IOException {
        EvidenceFile file = lookBacks.evidence(id, evidenceId, caller.scope());
        return EvidenceDownloads.of(file, evidences.open(file.id()));
    }

    @GetMapping("/closure/look-backs/settings/{planId}")
    String settings(@PathVariable long planId, Caller caller, Model model) {
        LookBackSettings settings = scheduling.settings(planId, caller);
        return settingsPage(planId, settings.stored().replace(",", "、"), settings.checkingUnitId(), caller, model, Map.of());
    }

    @PostMapping("/closure/look-backs/settings/{planId}")
    String changeSettings(@PathVariable long planId, @RequestParam(required = false) String months,
                          @RequestParam(required = false) Long checkingUnitId, Caller caller, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        try {
            scheduling.changeSettings(planId, new LookBackSettings(LookBackForms.months(months), checkingUnitId), caller);
            redirect.addFlashAttribute("flash", messages.text("lookback.settings.saved"));
            return "redirect:/closure/look-backs/settings/" + planId;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return settingsPage(planId, months, checkingUnitId, caller, model, messages.fields(e));
        }
    }

    private String settingsPage(long planId, String months, Long checkingUnitId, Caller caller, Model model,
                                Map<String, String> fieldErrors) {
        model.addAttribute("plan", plans.governed(planId, caller));
        model.addAttribute("months", months);
        model.addAttribute("checkingUnitId", checkingUnitId);
        model.addAttribute("units", units.subtree(caller.unitId()));
        model.addAttribute("office", caller.role().managesTasks());
        model.addAttribute("fieldErrors", fieldErrors);
        return "closure/lookback-settings";
    }

    /** The look-backs of one task, a panel of the task's page. */
    @GetMapping("/closure/tasks/{taskId}/look-backs")
    String taskPanel(@PathVariable long taskId, Caller caller, Model model) {
        model.addAttribute("task", tasks.get(taskId, caller.scope()));
        model.addAttribute("lookBacks", lookBacks.ofTask(taskId, caller.scope()));
        model.addAttribute("today", lookBacks.today());
        return "closure/lookback-panel :: panel";
    }

    private String page(LookBack lookBack, Caller caller, Model model) {
        model.addAttribute("lookBack", lookBack);
        // reached from the desk, which mixes plans: the task says which plan it is in, 临沧2018·五(三)2
        model.addAttribute("taskLabel", shortNames.label(lookBack.taskId(), lookBack.taskRef()));
        model.addAttribute("today", lookBacks.today());
        model.addAttribute("mayRecord", lookBacks.mayRecord(lookBack, caller));
        model.addAttribute("maxSizeMb", evidences.store().maxSize() / (1024 * 1024));
        return "closure/lookback";
    }
}
