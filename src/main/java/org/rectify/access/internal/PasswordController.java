package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.access.Accounts;
import org.rectify.access.Caller;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * Everyone changes their own password here, giving the current one; after an administrator's reset this is the only
 * page the one-time password opens. The change ends the account's other sessions and renews this one.
 */
@Controller
class PasswordController {

    private final Accounts accounts;
    private final AccountDetailsService details;
    private final Messages messages;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordController(Accounts accounts, AccountDetailsService details, Messages messages) {
        this.accounts = accounts;
        this.details = details;
        this.messages = messages;
    }

    @GetMapping(PasswordChangeRequired.FORM)
    String form(Model model) {
        return page(model, Map.of());
    }

    @PostMapping(PasswordChangeRequired.FORM)
    String change(Caller caller, @RequestParam(required = false) String current, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String repeated, Model model, RedirectAttributes redirect,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.changePassword(caller.accountId(), current, password, repeated, caller.signature());
        } catch (InvalidInputException e) {
            return page(model, messages.fields(e));
        }
        renew(caller, request, response);
        redirect.addFlashAttribute("flash", messages.text("account.password.changed"));
        return "redirect:/";
    }

    /** The session carries the account's new session version (the change ended all others) and a new id. */
    private void renew(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            return; // HTTP Basic: nothing to renew
        }
        UserDetails account = details.loadUserByUsername(caller.username());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
    }

    private String page(Model model, Map<String, String> fieldErrors) {
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("minLength", Accounts.PASSWORD_MIN_LENGTH);
        return "access/password";
    }
}
