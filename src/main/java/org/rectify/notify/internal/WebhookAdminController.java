package org.rectify.notify.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.access.Caller;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.units.Units;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The office's webhooks (DingTalk and WeCom group robots, or any JSON endpoint): list with the last delivery,
 * add, edit, disable, send a test message. ADMIN and OFFICE only (see the security configuration). Secrets
 * are write-only: no page or answer ever contains one.
 */
@Controller
class WebhookAdminController {

    private final Webhooks webhooks;
    private final Dispatcher dispatcher;
    private final Outbound outbound;
    private final Units units;
    private final Messages messages;
    private final Clock clock;

    WebhookAdminController(Webhooks webhooks, Dispatcher dispatcher, Outbound outbound, Units units, Messages messages,
                           Clock clock) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.outbound = outbound;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model, Caller caller) {
        return page(model, null, blank(), Map.of(), caller);
    }

    @GetMapping("/admin/webhooks/{id}")
    String edit(@PathVariable long id, Model model, Caller caller) {
        Webhook w = webhooks.get(id, caller);
        return page(model, w, new WebhookForm(w.name(), w.format(), w.url(), null, false, w.unitId(), w.enabled()), Map.of(), caller);
    }

    @PostMapping("/admin/webhooks")
    String create(WebhookForm form, Model model, RedirectAttributes redirect, Caller caller) {
        try {
            webhooks.create(form, caller);
            redirect.addFlashAttribute("flash", messages.text("webhook.created", form.name()));
            return "redirect:/admin/webhooks";
        } catch (InvalidInputException e) {
            return page(model, null, form, messages.fields(e), caller);
        }
    }

    @PostMapping("/admin/webhooks/{id}")
    String update(@PathVariable long id, WebhookForm form, Model model, RedirectAttributes redirect, Caller caller) {
        try {
            webhooks.update(id, form, caller);
            redirect.addFlashAttribute("flash", messages.text("webhook.saved", form.name()));
            return "redirect:/admin/webhooks";
        } catch (InvalidInputException e) {
            return page(model, webhooks.get(id, caller), form, messages.fields(e), caller);
        }
    }

    @PostMapping("/admin/webhooks/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, Caller caller) {
        webhooks.setEnabled(id, enabled, caller);
        return "redirect:/admin/webhooks";
    }

    /** Queues a test message and tries it at once, so the page shows how it went when it reloads. */
    @PostMapping("/admin/webhooks/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect, Caller caller) {
        Webhook w = sendTest(id, caller);
        if ("SENT".equals(w.lastStatus())) {
            redirect.addFlashAttribute("flash", messages.text("webhook.testSent", w.name()));
        } else {
            redirect.addFlashAttribute("flashError", messages.text("webhook.testFailed", w.name(),
                    w.lastErrorKey() != null ? messages.text(w.lastErrorKey()) : w.lastError() == null ? "" : w.lastError()));
        }
        return "redirect:/admin/webhooks";
    }

    @GetMapping("/api/admin/webhooks")
    @ResponseBody
    @Operation(summary = "The webhooks with their last delivery (secrets are never returned)")
    List<Webhook> api(Caller caller) {
        return webhooks.all(caller);
    }

    @PostMapping("/api/admin/webhooks")
    @ResponseBody
    @Operation(summary = "Add a webhook: format GENERIC, DINGTALK or WECOM, an http(s) URL, an optional secret "
            + "(DingTalk signing) and unit scope (unitId null = all units, else that unit's subtree)")
    ResponseEntity<Webhook> apiCreate(@RequestBody WebhookForm form, Caller caller) {
        return ResponseEntity.status(201).body(webhooks.get(webhooks.create(form, caller), caller));
    }

    @PutMapping("/api/admin/webhooks/{id}")
    @ResponseBody
    @Operation(summary = "Change a webhook; a blank secret keeps the stored one, removeSecret drops it")
    Webhook apiUpdate(@PathVariable long id, @RequestBody WebhookForm form, Caller caller) {
        webhooks.update(id, form, caller);
        return webhooks.get(id, caller);
    }

    @PostMapping("/api/admin/webhooks/{id}/enabled")
    @ResponseBody
    @Operation(summary = "Enable or disable a webhook (a disabled one is sent nothing, queued messages included)")
    Webhook apiEnable(@PathVariable long id, @RequestParam boolean enabled, Caller caller) {
        webhooks.setEnabled(id, enabled, caller);
        return webhooks.get(id, caller);
    }

    @DeleteMapping("/api/admin/webhooks/{id}")
    @Operation(summary = "Delete a webhook with its queued messages and delivery log")
    ResponseEntity<Void> apiDelete(@PathVariable long id, Caller caller) {
        webhooks.delete(id, caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect, Caller caller) {
        String name = webhooks.get(id, caller).name();
        webhooks.delete(id, caller);
        redirect.addFlashAttribute("flash", messages.text("webhook.deleted", name));
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/api/admin/webhooks/{id}/test")
    @ResponseBody
    @Operation(summary = "Send a test message now; the answer shows the webhook with this delivery's status and error")
    Webhook apiTest(@PathVariable long id, Caller caller) {
        return sendTest(id, caller);
    }

    private Webhook sendTest(long id, Caller caller) {
        webhooks.get(id, caller); // only a webhook of the caller's units
        long message = dispatcher.queueTest(id);
        outbound.sendNow(message, clock.instant());
        return webhooks.get(id, caller);
    }

    private String page(Model model, Webhook editing, WebhookForm form, Map<String, String> fieldErrors, Caller caller) {
        model.addAttribute("webhooks", webhooks.all(caller));
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("formats", WebhookFormat.values());
        // only the caller's own units: a webhook hears of what concerns the units it is for
        model.addAttribute("units", units.tree().stream().filter(u -> caller.governs(u.path())).toList());
        model.addAttribute("mayCoverAll", caller.scope().isAll());
        model.addAttribute("fieldErrors", fieldErrors);
        return "notify/webhooks";
    }

    private static WebhookForm blank() {
        return new WebhookForm(null, WebhookFormat.DINGTALK, null, null, false, null, true);
    }
}
