package org.rectify.access.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.access.Caller;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Each account's own API tokens, on a page and on the API: create one (its secret is shown once), list them, revoke
 * one. A request signed in with a token may list and revoke but not create: a leaked token must not mint longer ones.
 */
@Controller
class ApiTokenController {

    static final String PAGE = "/account/tokens";

    private final ApiTokens tokens;
    private final Messages messages;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Messages messages, Clock clock) {
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(Caller caller, Model model) {
        return page(caller, model, Map.of(), null);
    }

    @PostMapping(PAGE)
    String create(Caller caller, @RequestParam(required = false) String name, @RequestParam(required = false) Integer days,
                  Model model) {
        try {
            return page(caller, model, Map.of(), tokens.create(caller, name, days));
        } catch (InvalidInputException e) {
            model.addAttribute("name", name);
            model.addAttribute("days", days);
            return page(caller, model, messages.fields(e), null);
        }
    }

    @PostMapping(PAGE + "/{id}/revoke")
    String revoke(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(caller, id);
        redirect.addFlashAttribute("flash", messages.text("apiToken.revoked"));
        return "redirect:" + PAGE;
    }

    private String page(Caller caller, Model model, Map<String, String> fieldErrors, ApiTokens.NewToken created) {
        model.addAttribute("tokens", tokens.of(caller.accountId()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("created", created);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
        if (!model.containsAttribute("days")) {
            model.addAttribute("days", ApiTokens.DEFAULT_DAYS);
        }
        return "access/tokens";
    }

    record TokenRequest(String name, Integer days) {
    }

    @GetMapping("/api/account/tokens")
    @ResponseBody
    @Operation(summary = "The caller's API tokens (never their secrets)")
    List<ApiTokens.TokenView> list(Caller caller) {
        return tokens.of(caller.accountId());
    }

    @PostMapping("/api/account/tokens")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates an API token for the caller (days: 1–365, default 90); the secret is in this answer only. "
            + "Use it as 'Authorization: Bearer <secret>'")
    ApiTokens.NewToken apiCreate(Caller caller, @RequestBody(required = false) TokenRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new ForbiddenException("apiToken.notWithToken");
        }
        return tokens.create(caller, request == null ? null : request.name(), request == null ? null : request.days());
    }

    @DeleteMapping("/api/account/tokens/{id}")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes one of the caller's API tokens")
    void apiRevoke(Caller caller, @PathVariable long id) {
        tokens.revoke(caller, id);
    }
}
