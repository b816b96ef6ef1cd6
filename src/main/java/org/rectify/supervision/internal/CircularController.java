package org.rectify.supervision.internal;

import org.rectify.platform.OfficialDocument;

import org.rectify.access.Caller;
import org.rectify.plans.Plans;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.Paging;
import org.rectify.platform.RectifyException;
import org.rectify.supervision.Circular;
import org.rectify.supervision.CircularPeriod;
import org.rectify.supervision.CircularText;
import org.rectify.supervision.Circulars;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Map;

/** Circulars: the list, drafting one, editing its text beside its facts, publishing it, and the official document. */
@Controller
class CircularController {

    private final Circulars circulars;
    private final Plans plans;
    private final CircularDocument document;
    private final Messages messages;

    CircularController(Circulars circulars, Plans plans, CircularDocument document, Messages messages) {
        this.circulars = circulars;
        this.plans = plans;
        this.document = document;
        this.messages = messages;
    }

    @GetMapping("/supervision/circulars")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                Caller caller, Model model) {
        var result = circulars.page(caller, Paging.of(page, size));
        model.addAttribute("result", result);
        model.addAttribute("circulars", result.rows());
        model.addAttribute("mayDraft", Circulars.mayDraft(caller));
        return "supervision/circulars";
    }

    @GetMapping("/supervision/circulars/new")
    String newCircular(Caller caller, Model model) {
        if (!Circulars.mayDraft(caller)) {
            throw new ForbiddenException("supervision.circular.forbidden");
        }
        CircularPeriod period = CircularPeriod.previousMonth(circulars.today());
        return form(model, period.from(), period.to(), null, Map.of(), caller);
    }

    @PostMapping("/supervision/circulars")
    String draft(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Long planId, Caller caller, Model model, RedirectAttributes redirect) {
        try {
            long id = circulars.draft(new CircularPeriod(from, to), planId, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.circular.created"));
            return "redirect:/supervision/circulars/" + id + "/edit";
        } catch (InvalidInputException e) {
            return form(model, from, to, planId, messages.fields(e), caller);
        }
    }

    @GetMapping("/supervision/circulars/{id}")
    String circular(@PathVariable long id, Caller caller, Model model) {
        Circular circular = circulars.get(id, caller);
        model.addAttribute("circular", circular);
        model.addAttribute("facts", circular.facts());
        model.addAttribute("mayEdit", !circular.isPublished() && Circulars.mayDraft(caller));
        model.addAttribute("mayPublish", !circular.isPublished() && Circulars.mayPublish(caller));
        return "supervision/circular";
    }

    @GetMapping("/supervision/circulars/{id}/edit")
    String edit(@PathVariable long id, Caller caller, Model model, RedirectAttributes redirect) {
        Circular circular = circulars.get(id, caller);
        if (!Circulars.mayDraft(caller)) {
            throw new ForbiddenException("supervision.circular.forbidden");
        }
        if (circular.isPublished()) {
            redirect.addFlashAttribute("flashError", messages.text("supervision.circular.alreadyPublished", circular.number()));
            return "redirect:/supervision/circulars/" + id;
        }
        CircularText text = new CircularText(circular.title(), circular.addressees(), circular.body(), circular.issuerUnit(),
                circular.version());
        return editForm(model, circular, text, Map.of(), null);
    }

    @PostMapping("/supervision/circulars/{id}")
    String save(@PathVariable long id, CircularText text, Caller caller, Model model, RedirectAttributes redirect) {
        try {
            circulars.edit(id, text, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.circular.saved"));
            return "redirect:/supervision/circulars/" + id;
        } catch (InvalidInputException e) {
            return editForm(model, circulars.get(id, caller), text, messages.fields(e), null);
        } catch (RectifyException e) {
            if (e.kind() != RectifyException.Kind.CONFLICT) {
                throw e;
            }
            // the editor's text stays on the form; the version stays theirs, so saving again needs a decision
            return editForm(model, circulars.get(id, caller), text, Map.of(), messages.text(e));
        }
    }

    @PostMapping("/supervision/circulars/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) Integer version, Caller caller,
                   RedirectAttributes redirect) {
        try {
            Circular published = circulars.publish(id, version, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.circular.publishedAs", published.number()));
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/supervision/circulars/" + id;
    }

    @PostMapping("/supervision/circulars/{id}/delete")
    String delete(@PathVariable long id, Caller caller, RedirectAttributes redirect) {
        try {
            circulars.delete(id, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.circular.deleted"));
            return "redirect:/supervision/circulars";
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
            return "redirect:/supervision/circulars/" + id;
        }
    }

    @GetMapping({"/supervision/circulars/{id}.docx", "/api/supervision/circulars/{id}/document.docx"})
    ResponseEntity<byte[]> docx(@PathVariable long id, Caller caller) {
        Circular circular = circulars.get(id, caller);
        return OfficialDocument.download(circular.number() != null ? circular.number() : circular.title(),
                document.render(circular));
    }

    private String form(Model model, LocalDate from, LocalDate to, Long planId, Map<String, String> errors, Caller caller) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("planId", planId);
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        model.addAttribute("fieldErrors", errors);
        return "supervision/circular-form";
    }

    private String editForm(Model model, Circular circular, CircularText text, Map<String, String> errors, String conflict) {
        model.addAttribute("circular", circular);
        model.addAttribute("facts", circular.facts());
        model.addAttribute("text", text);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("conflict", conflict);
        return "supervision/circular-edit";
    }
}
