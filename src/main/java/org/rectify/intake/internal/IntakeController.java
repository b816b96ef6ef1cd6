package org.rectify.intake.internal;

import org.rectify.platform.OfficeFiles;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.access.Caller;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.PublishedPlan;
import org.rectify.plans.Plans;
import org.rectify.platform.ErrorHandling;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.RectifyException;
import org.rectify.units.Unit;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake pages: upload or paste a plan, review the draft beside its source (one task card saved at a
 * time, through htmx), resolve the units the tree does not know, publish. Office and administrators only.
 */
@Controller
@RequestMapping("/intake")
class IntakeController {

    private final DraftReview review;
    private final ReviewUnits reviewUnits;
    private final BreakdownExport export;
    private final Units units;
    private final Plans plans;
    private final Messages messages;

    IntakeController(DraftReview review, ReviewUnits reviewUnits, BreakdownExport export, Units units, Plans plans,
                     Messages messages) {
        this.review = review;
        this.reviewUnits = reviewUnits;
        this.export = export;
        this.units = units;
        this.plans = plans;
        this.messages = messages;
    }

    // ---- start: upload or paste

    @GetMapping
    String start(Caller caller, Model model) {
        return start(caller, model, new HeaderForm(), null, null, Map.of());
    }

    @PostMapping
    String create(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "text", required = false) String text,
                  @ModelAttribute("header") HeaderForm header, Caller caller, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        review.recent(caller); // the role check comes before anything is read
        Map<String, String> errors = new LinkedHashMap<>();
        PlanHeader h = header.toHeader(errors);
        String filename = file == null ? null : file.getOriginalFilename();
        try {
            if (!errors.isEmpty()) {
                throw new IntakeRejected(errors, "error.invalid");
            }
            ParsedSource parsed;
            if (file != null && !file.isEmpty()) {
                try (InputStream in = file.getInputStream()) {
                    parsed = review.parse(PlanUpload.read(filename, in), caller);
                } catch (IOException e) {
                    throw new IntakeRejected("intake.upload.unreadable");
                }
            } else if (text != null && !text.isBlank()) {
                parsed = review.parseText(text, caller);
            } else {
                throw new IntakeRejected("intake.upload.nothing");
            }
            long id = review.create(parsed, h, caller).id();
            long unresolved = parsed.cards().stream().mapToLong(c -> c.unresolved().size()).sum();
            redirect.addFlashAttribute("flash", messages.text("intake.created", parsed.cards().size(), unresolved));
            return "redirect:/intake/drafts/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("rejected", messages.text(e));
            model.addAttribute("rowErrors", e instanceof ErrorHandling.RowErrors rows ? rows.rowErrors().stream()
                    .map(r -> new RowMessage(r.row(), messages.text(r.messageKey(), r.args()))).toList() : List.of());
            int counted = e.args().length > 0 && e.args()[0] instanceof Integer n ? n : 0;
            model.addAttribute("moreErrors", e instanceof ErrorHandling.RowErrors rows
                    ? Math.max(0, counted - rows.rowErrors().size()) : 0);
            return start(caller, model, header, filename, text, messages.fields(e));
        }
    }

    record RowMessage(int row, String message) {
    }

    private String start(Caller caller, Model model, HeaderForm header, String filename, String text,
                         Map<String, String> fieldErrors) {
        model.addAttribute("drafts", review.recent(caller));
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        model.addAttribute("header", header);
        model.addAttribute("filename", filename);
        model.addAttribute("text", text);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("maxSize", OfficeFiles.humanSize(PlanUpload.MAX_BYTES));
        model.addAttribute("maxRows", BreakdownSheet.MAX_ROWS);
        model.addAttribute("columns", BreakdownColumn.values());
        if (!model.containsAttribute("rowErrors")) {
            model.addAttribute("rowErrors", List.of());
            model.addAttribute("moreErrors", 0);
        }
        return "intake/start";
    }

    @GetMapping("/breakdown-template.xlsx")
    ResponseEntity<byte[]> template(Caller caller) {
        review.recent(caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("任务分解表模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(export.template());
    }

    // ---- review

    @GetMapping("/drafts/{id}")
    String draft(@PathVariable long id, Caller caller, Model model) {
        StoredDraft draft = review.get(id, caller);
        model.addAttribute("v", view(draft));
        model.addAttribute("header", HeaderForm.of(draft));
        unitChoices(model);
        return "intake/review";
    }

    /** What the unresolved names' unit pickers offer: the current units (with their aliases) and the groups. */
    private void unitChoices(Model model) {
        model.addAttribute("unitChoices", units.tree().stream().filter(Unit::isCurrent).toList());
        model.addAttribute("groupChoices", units.groups());
    }

    @PostMapping("/drafts/{id}/header")
    String header(@PathVariable long id, @ModelAttribute("header") HeaderForm header, Caller caller,
                  RedirectAttributes redirect) {
        review.get(id, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        PlanHeader h = header.toHeader(errors);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.text("intake.header.invalid"));
            return "redirect:/intake/drafts/" + id;
        }
        return act(id, redirect, "", () -> {
            review.saveHeader(id, header.getVersion(), h, caller);
            return messages.text("intake.header.saved");
        });
    }

    @GetMapping("/drafts/{id}/tasks/{cardId}")
    String card(@PathVariable long id, @PathVariable long cardId, Caller caller, Model model) {
        ReviewView v = view(review.get(id, caller));
        model.addAttribute("v", v);
        model.addAttribute("c", card(v, id, cardId));
        return "intake/fragments :: card";
    }

    @GetMapping("/drafts/{id}/tasks/{cardId}/edit")
    String edit(@PathVariable long id, @PathVariable long cardId, Caller caller, Model model) {
        ReviewView v = view(review.get(id, caller));
        ReviewView.Card c = card(v, id, cardId);
        return editor(model, v, c, CardForm.of(c.stored()), Map.of(), null);
    }

    @PostMapping("/drafts/{id}/tasks/{cardId}")
    String save(@PathVariable long id, @PathVariable long cardId, @ModelAttribute("form") CardForm form,
                Caller caller, Model model, HttpServletResponse response) {
        StoredDraft draft = review.get(id, caller);
        ReviewView.Card before = card(view(draft), id, cardId);
        Map<String, String> errors = new LinkedHashMap<>();
        DraftCard edited = form.toCard(before.c(), reviewUnits::written, errors);
        try {
            if (!errors.isEmpty()) {
                DraftRules.problems(edited, draft, cardId).forEach(errors::putIfAbsent);
                throw new InvalidInputException(errors, "error.invalid");
            }
            review.saveCard(id, cardId, form.getVersion(), edited, caller);
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND || e.kind() == RectifyException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.kind().status);
            Map<String, String> fields = e instanceof InvalidInputException invalid ? messages.fields(invalid) : Map.of();
            model.addAttribute("conflict", e.kind() == RectifyException.Kind.CONFLICT);
            return editor(model, view(draft), before, form.withBlankRows(), fields, messages.text(e));
        }
        ReviewView v = view(review.get(id, caller));
        model.addAttribute("v", v);
        model.addAttribute("c", card(v, id, cardId));
        model.addAttribute("savedMessage", messages.text("intake.card.saved", v.draft().card(cardId).orElseThrow().card().ref()));
        if (!v.mentions().isEmpty()) {
            unitChoices(model);
        }
        return "intake/fragments :: saved";
    }

    @PostMapping("/drafts/{id}/tasks/{cardId}/delete")
    String deleteCard(@PathVariable long id, @PathVariable long cardId, @RequestParam int version, Caller caller,
                      Model model, RedirectAttributes redirect, HttpServletResponse response,
                      @RequestHeader(name = "HX-Request", required = false) String htmx) {
        if (htmx == null) {
            return act(id, redirect, "", () -> {
                review.deleteCard(id, cardId, version, caller);
                return messages.text("intake.card.deleted");
            });
        }
        try {
            review.deleteCard(id, cardId, version, caller);
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND || e.kind() == RectifyException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.kind().status);
            model.addAttribute("conflict", true);
            ReviewView v = view(review.get(id, caller));
            ReviewView.Card c = card(v, id, cardId);
            return editor(model, v, c, CardForm.of(c.stored()), Map.of(), messages.text(e));
        }
        ReviewView v = view(review.get(id, caller));
        model.addAttribute("v", v);
        if (!v.mentions().isEmpty()) {
            unitChoices(model);
        }
        return "intake/fragments :: deleted";
    }

    @PostMapping("/drafts/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam String mention,
                   @RequestParam(required = false) Long targetUnitId, @RequestParam(required = false) Long targetGroupId,
                   @RequestParam(required = false) String target, @RequestParam(defaultValue = "choose") String mode,
                   Caller caller, RedirectAttributes redirect) {
        return act(id, redirect, "#unresolved", () -> {
            UnitReference ref = review.target(targetUnitId, targetGroupId, target);
            int n = "alias".equals(mode) ? review.addAlias(id, mention, ref, caller)
                    : review.choose(id, mention, ref, caller);
            return messages.text("alias".equals(mode) ? "intake.resolve.aliased" : "intake.resolve.chosen",
                    mention, ref.name(), n);
        });
    }

    @PostMapping("/drafts/{id}/recheck")
    String recheck(@PathVariable long id, Caller caller, RedirectAttributes redirect) {
        return act(id, redirect, "#unresolved", () -> messages.text("intake.recheck.done", review.recheck(id, caller)));
    }

    @PostMapping("/drafts/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean assign, Caller caller,
                   RedirectAttributes redirect) {
        review.get(id, caller);
        try {
            PublishedPlan p = review.publish(id, assign, caller);
            redirect.addFlashAttribute("flash", messages.text(assign ? "intake.published.assigned" : "intake.published.draft",
                    p.created(), p.alreadyPresent()));
            if (p.alreadyPresent() == 0) { // a new plan has no reporting cadence yet: the ledger asks for one
                redirect.addFlashAttribute("cadenceLink", "/progress/plans/" + p.planId() + "/cadence");
            }
            return "redirect:/tasks?planId=" + p.planId();
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND || e.kind() == RectifyException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
            return "redirect:/intake/drafts/" + id;
        }
    }

    @PostMapping("/drafts/{id}/delete")
    String delete(@PathVariable long id, Caller caller, RedirectAttributes redirect) {
        review.delete(id, caller);
        redirect.addFlashAttribute("flash", messages.text("intake.draftDeleted"));
        return "redirect:/intake";
    }

    // ---- helpers

    private interface Action {
        String run();
    }

    /** Runs a command and comes back to the review with what happened; refusals are shown, not thrown. */
    private String act(long id, RedirectAttributes redirect, String anchor, Action action) {
        try {
            redirect.addFlashAttribute("flash", action.run());
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND || e.kind() == RectifyException.Kind.FORBIDDEN) {
                throw e;
            }
            String fields = e instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()
                    && "error.invalid".equals(e.messageKey())
                    ? " " + String.join(" ", messages.fields(invalid).values()) : "";
            redirect.addFlashAttribute("flashError", messages.text(e) + fields);
        }
        return "redirect:/intake/drafts/" + id + anchor;
    }

    private ReviewView view(StoredDraft draft) {
        java.util.Set<Long> unitIds = new java.util.HashSet<>();
        boolean groups = false;
        for (StoredCard c : draft.cards()) {
            for (var m : c.card().allUnits()) {
                if (m.unitId() != null && !m.group()) {
                    unitIds.add(m.unitId());
                }
                groups |= m.unitId() != null && m.group();
            }
        }
        Map<String, String> names = new java.util.HashMap<>();
        units.names(unitIds).forEach((id, name) -> names.put("u" + id, name));
        if (groups) {
            units.groups().forEach(g -> names.put("g" + g.id(), g.name()));
        }
        return ReviewView.of(draft, review.samePlan(draft).orElse(null), messages, names);
    }

    private static ReviewView.Card card(ReviewView v, long draftId, long cardId) {
        return v.cards().stream().filter(c -> c.id() == cardId).findFirst()
                .orElseThrow(() -> new DraftNotFound(draftId));
    }

    private String editor(Model model, ReviewView v, ReviewView.Card c, CardForm form, Map<String, String> fieldErrors,
                          String error) {
        model.addAttribute("v", v);
        model.addAttribute("c", c);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", error);
        return "intake/fragments :: editor";
    }
}
