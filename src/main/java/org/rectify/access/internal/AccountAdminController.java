package org.rectify.access.internal;

import org.rectify.access.AccountView;
import org.rectify.access.Accounts;
import org.rectify.access.Caller;
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

/**
 * Administrators create accounts (each bound to a unit, with one role), change their role or unit, disable them, clear
 * the delays failed sign-ins put on a name, and reset a forgotten password to a one-time one.
 */
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

    /** Accounts listed per page: each row's unit picker is filled in the browser from the one tree the page writes. */
    static final int PER_PAGE = 50;

    @GetMapping("/admin/accounts")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q, Model model) {
        return page(model, Map.of(), null, q, page);
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String email,
                  Caller caller, Model model, RedirectAttributes redirect) {
        try {
            if (unitId == null) {
                throw new InvalidInputException(Map.of("unitId", "account.unitRequired"), "error.invalid");
            }
            accounts.create(new NewAccount(username, password, displayName, unitId, role, email), caller.signature());
            redirect.addFlashAttribute("flash", messages.text("account.created", username));
            return "redirect:/admin/accounts";
        } catch (InvalidInputException e) {
            return page(model, messages.fields(e), new NewAccount(username, null, displayName, unitId == null ? 0 : unitId, role, email), null, 0);
        }
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, Caller caller) {
        accounts.setEnabled(id, enabled, caller.signature());
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/assignment")
    String reassign(@PathVariable long id, @RequestParam(required = false) Role role, @RequestParam(required = false) Long unitId,
                    Caller caller, RedirectAttributes redirect) {
        try {
            accounts.reassign(id, role, unitId, caller.signature());
            redirect.addFlashAttribute("flash", messages.text("account.reassigned"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@PathVariable long id, Caller caller, RedirectAttributes redirect) {
        accounts.unlock(id, caller.signature());
        redirect.addFlashAttribute("flash", messages.text("account.unlocked"));
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/password-reset")
    String resetPassword(@PathVariable long id, Caller caller, RedirectAttributes redirect) {
        String oneTime = accounts.resetPassword(id, caller.signature());
        String username = view(id).username();
        redirect.addFlashAttribute("flash", messages.text("account.password.reset", username, oneTime));
        return "redirect:/admin/accounts";
    }

    @PutMapping("/api/admin/accounts/{id}/assignment")
    @ResponseBody
    @Operation(summary = "Give an account another role or unit; its open sessions end")
    AccountView apiReassign(@PathVariable long id, @RequestBody Assignment assignment, Caller caller) {
        accounts.reassign(id, assignment.role(), assignment.unitId(), caller.signature());
        return view(id);
    }

    /** The body of a role or unit change. */
    record Assignment(Role role, Long unitId) {
    }

    @PutMapping("/api/admin/accounts/{id}/enabled")
    @ResponseBody
    @Operation(summary = "Enable or disable an account; disabling ends its open sessions")
    AccountView apiEnable(@PathVariable long id, @RequestBody Enabled enabled, Caller caller) {
        if (enabled.enabled() == null) {
            throw new InvalidInputException(Map.of("enabled", "account.enabledRequired"), "account.enabledRequired");
        }
        accounts.setEnabled(id, enabled.enabled(), caller.signature());
        return view(id);
    }

    /** The body of an enable or disable. */
    record Enabled(Boolean enabled) {
    }

    @PostMapping("/api/admin/accounts/{id}/unlock")
    @ResponseBody
    @Operation(summary = "Clear the delays that failed sign-ins put on an account's name")
    AccountView apiUnlock(@PathVariable long id, Caller caller) {
        accounts.unlock(id, caller.signature());
        return view(id);
    }

    @PostMapping("/api/admin/accounts/{id}/password-reset")
    @ResponseBody
    @Operation(summary = "Set a one-time password (returned once) that only lets its owner choose a new password; "
            + "the account's open sessions end")
    OneTimePassword apiResetPassword(@PathVariable long id, Caller caller) {
        return new OneTimePassword(accounts.resetPassword(id, caller.signature()));
    }

    /** A one-time password to hand to the account's owner. */
    record OneTimePassword(String oneTimePassword) {
    }

    private AccountView view(long id) {
        return accounts.all().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new org.rectify.platform.NotFoundException("account.notFound", id));
    }

    @PostMapping("/admin/accounts/{id}/email")
    String email(@PathVariable long id, @RequestParam(required = false) String email, Caller caller, RedirectAttributes redirect) {
        try {
            accounts.setEmail(id, email, caller.signature());
            redirect.addFlashAttribute("flash", messages.text("account.emailSaved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/admin/accounts";
    }

    @PutMapping("/api/admin/accounts/{id}/email")
    @ResponseBody
    @Operation(summary = "Set (or with a blank, remove) the email address an account's notifications are mailed to")
    AccountView apiEmail(@PathVariable long id, @RequestBody EmailChange change, Caller caller) {
        accounts.setEmail(id, change.email(), caller.signature());
        return view(id);
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
    ResponseEntity<List<AccountView>> apiCreate(@RequestBody NewAccount account, Caller caller) {
        accounts.create(account, caller.signature());
        return ResponseEntity.status(201).body(accounts.all());
    }

    private String page(Model model, Map<String, String> fieldErrors, NewAccount entered, String search, int page) {
        int pages = Math.max(1, (accounts.count(search) + PER_PAGE - 1) / PER_PAGE);
        int shown = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("accounts", accounts.page(search, shown, PER_PAGE));
        model.addAttribute("q", search);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("units", units.tree());
        model.addAttribute("roles", Role.values());
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("entered", entered == null ? new NewAccount(null, null, null, 0, null) : entered);
        return "access/accounts";
    }
}
