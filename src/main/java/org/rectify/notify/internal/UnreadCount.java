package org.rectify.notify.internal;

import org.rectify.access.Callers;
import org.rectify.notify.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in account's unread count on every page, for the inbox link in the header. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCount {

    private final Inbox inbox;

    UnreadCount(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadCount")
    Integer unreadCount() {
        return Callers.current().map(caller -> inbox.unread(caller.accountId())).orElse(null);
    }
}
