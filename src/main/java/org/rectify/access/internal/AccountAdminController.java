package org.rectify.access.internal;

import org.rectify.access.AccountView;
import org.rectify.access.Accounts;
import org.rectify.access.NewAccount;
import org.rectify.access.Role;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.units.Units;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/** Administrators create accounts (each bound to a unit, with one role) and disable them. */
@Controller
class AccountAdminController {

    private final Accounts accounts;
    private final Units units;
    private final Messages messages;

    AccountAdminController(Accounts accounts, Units units, Messages messages) {
        this.accounts = accounts;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        return page(model, Map.of(), null);
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String email,
                  Model model, RedirectAttributes redirect) {
        try {
            if (unitId == null) {
                throw new InvalidInputException(Map.of("unitId", "account.unitRequired"), "error.invalid");
            }
            accounts.create(new NewAccount(username, password, displayName, unitId, role, email));
            redirect.addFlashAttribute("flash", messages.text("account.created", username));
            return "redirect:/admin/accounts";
        } catch (InvalidInputException e) {
            return page(model, messages.fields(e), new NewAccount(username, null, displayName, unitId == null ? 0 : unitId, role, email));
        }
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled) {
        accounts.setEnabled(id, enabled);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/email")
    String email(@PathVariable long id, @RequestParam(required = false) String email, RedirectAttributes redirect) {
        try {
            accounts.setEmail(id, email);
            redirect.addFlashAttribute("flash", messages.text("account.emailSaved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/admin/accounts";
    }

    @PutMapping("/api/admin/accounts/{id}/email")
    @ResponseBody
    @Operation(summary = "Set (or with a blank, remove) the email address an account's notifications are mailed to")
    AccountView apiEmail(@PathVariable long id, @RequestBody EmailChange change) {
        accounts.setEmail(id, change.email());
        return accounts.all().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** The body of an email change. */
    record EmailChange(String email) {
    }

    @GetMapping("/api/admin/accounts")
    @ResponseBody
    List<AccountView> api() {
        return accounts.all();
    }

    @PostMapping("/api/admin/accounts")
    @ResponseBody
    ResponseEntity<List<AccountView>> apiCreate(@RequestBody NewAccount account) {
        accounts.create(account);
        return ResponseEntity.status(201).body(accounts.all());
    }

    private String page(Model model, Map<String, String> fieldErrors, NewAccount entered) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("units", units.tree());
        model.addAttribute("roles", Role.values());
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("entered", entered == null ? new NewAccount(null, null, null, 0, null) : entered);
        return "access/accounts";
    }
}
