package org.rectify.notify.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The administrator's allow-list of internal webhook receivers (ADMIN only, as every /admin page but the
 * webhooks themselves): host names, addresses or CIDR ranges that webhooks may post to although they are not
 * public, on any port.
 */
@Controller
class WebhookTargetsController {

    /** An entry to add: {@code 10.20.0.0/16}, {@code robot-gateway.intranet}, {@code 192.168.1.5}. */
    record NewTarget(String entry, String note) {
    }

    private final WebhookAllowList allowList;
    private final Messages messages;

    WebhookTargetsController(WebhookAllowList allowList, Messages messages) {
        this.allowList = allowList;
        this.messages = messages;
    }

    @GetMapping("/admin/webhook-targets")
    String page(Model model) {
        return page(model, new NewTarget(null, null), Map.of());
    }

    @PostMapping("/admin/webhook-targets")
    String add(NewTarget target, Model model, RedirectAttributes redirect) {
        try {
            allowList.add(target.entry(), target.note());
            redirect.addFlashAttribute("flash", messages.text("webhookTarget.added", target.entry().strip()));
            return "redirect:/admin/webhook-targets";
        } catch (InvalidInputException e) {
            return page(model, target, messages.fields(e));
        }
    }

    @PostMapping("/admin/webhook-targets/remove")
    String remove(@RequestParam String entry, RedirectAttributes redirect) {
        allowList.remove(entry);
        redirect.addFlashAttribute("flash", messages.text("webhookTarget.removed", entry));
        return "redirect:/admin/webhook-targets";
    }

    @GetMapping("/api/admin/webhook-targets")
    @ResponseBody
    @Operation(summary = "The internal receivers webhooks may post to (from the setting and from this list)")
    List<WebhookAllowList.Entry> api() {
        return allowList.entries();
    }

    @PostMapping("/api/admin/webhook-targets")
    @ResponseBody
    @Operation(summary = "Allow an internal receiver: a host name, an address or a CIDR range (any port)")
    ResponseEntity<List<WebhookAllowList.Entry>> apiAdd(@RequestBody NewTarget target) {
        allowList.add(target.entry(), target.note());
        return ResponseEntity.status(201).body(allowList.entries());
    }

    @DeleteMapping("/api/admin/webhook-targets")
    @ResponseBody
    @Operation(summary = "Remove an entry of the list (entries of the setting stay)")
    List<WebhookAllowList.Entry> apiRemove(@RequestParam String entry) {
        allowList.remove(entry);
        return allowList.entries();
    }

    private String page(Model model, NewTarget form, Map<String, String> fieldErrors) {
        model.addAttribute("targets", allowList.entries());
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        return "notify/webhook-targets";
    }
}
