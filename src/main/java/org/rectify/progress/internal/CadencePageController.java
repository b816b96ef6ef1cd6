package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.plans.Plans;
import org.rectify.progress.CadenceKind;
import org.rectify.progress.CadenceSettings;
import org.rectify.progress.ReportForbidden;
import org.rectify.progress.ReportingCadence;
import org.rectify.progress.ReportingCycles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The office sets a plan's reporting cadence, and sees the cycles it makes. */
@Controller
class CadencePageController {

    private final ReportingCycles cycles;
    private final Plans plans;
    private final Messages messages;

    CadencePageController(ReportingCycles cycles, Plans plans, Messages messages) {
        this.cycles = cycles;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/progress/plans/{planId}/cadence")
    String show(@PathVariable long planId, Caller caller, Model model) {
        plans.visible(planId, caller.scope());
        cycles.extend(planId);
        ReportingCadence cadence = cycles.cadence(planId).orElse(null);
        return page(model, planId, caller, cadence == null ? CadenceKind.MONTHLY : cadence.kind(),
                cadence == null ? 25 : cadence.dueDay(), cadence == null ? 3 : cadence.graceDays(),
                cadence != null && cadence.approvalRequired(), cadence == null ? null : cadence.startsOn(),
                cadence == null ? "" : String.join("\n", cadence.customDueDates().stream().map(LocalDate::toString).toList()),
                Map.of(), null);
    }

    @PostMapping("/progress/plans/{planId}/cadence")
    String set(@PathVariable long planId, @RequestParam(required = false) CadenceKind kind,
               @RequestParam(required = false) Integer dueDay, @RequestParam(required = false) Integer graceDays,
               @RequestParam(defaultValue = "false") boolean approvalRequired,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
               @RequestParam(defaultValue = "") String customDueDates, Caller caller, Model model,
               RedirectAttributes redirect) {
        plans.get(planId);
        if (!caller.role().managesTasks()) {
            throw new ReportForbidden("progress.cadence.forbidden");
        }
        plans.governed(planId, caller); // another office's plan is not found
        List<LocalDate> dates = new ArrayList<>();
        for (String line : customDueDates.split("[\\s,，、;；]+")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(line.strip()));
            } catch (DateTimeParseException e) {
                return page(model, planId, caller, kind, dueDay, graceDays, approvalRequired, startsOn, customDueDates,
                        Map.of("customDueDates", messages.text("progress.cadence.badDate", line.strip())),
                        messages.text("progress.invalid"));
            }
        }
        try {
            cycles.setCadence(planId, new CadenceSettings(kind, dueDay, graceDays, approvalRequired, startsOn, dates), caller);
        } catch (InvalidInputException e) {
            return page(model, planId, caller, kind, dueDay, graceDays, approvalRequired, startsOn, customDueDates,
                    messages.fields(e), messages.text(e));
        }
        redirect.addFlashAttribute("flash", messages.text("progress.cadence.saved"));
        return "redirect:/progress/plans/" + planId + "/cadence";
    }

    private String page(Model model, long planId, Caller caller, CadenceKind kind, Integer dueDay, Integer graceDays,
                        boolean approvalRequired, LocalDate startsOn, String customDueDates,
                        Map<String, String> fieldErrors, String formError) {
        model.addAttribute("plan", plans.get(planId));
        model.addAttribute("cadence", cycles.cadence(planId).orElse(null));
        model.addAttribute("cycles", cycles.cycles(planId));
        model.addAttribute("today", cycles.today());
        model.addAttribute("mayEdit", cycles.maySetCadence(planId, caller));
        model.addAttribute("kinds", CadenceKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("dueDay", dueDay);
        model.addAttribute("graceDays", graceDays);
        model.addAttribute("approvalRequired", approvalRequired);
        model.addAttribute("startsOn", startsOn);
        model.addAttribute("customDueDates", customDueDates);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", formError);
        return "progress/cadence";
    }
}
