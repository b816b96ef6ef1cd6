package org.rectify.notify.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.rectify.access.Callers;
import org.rectify.notify.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/** Puts the signed-in account's unread count on every page, for the inbox link in the header. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCount {

    private final Inbox inbox;

    UnreadCount(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadCount")
    Integer unreadCount(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request) {
        if (htmx != null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null; // an htmx fragment or an API answer has no header to show it in: spare the query
        }
        return Callers.current().map(caller -> inbox.unread(caller.accountId())).orElse(null);
    }
}
