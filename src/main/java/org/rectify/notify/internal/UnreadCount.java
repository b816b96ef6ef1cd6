package org.rectify.notify.internal;

import org.rectify.access.Callers;
import org.rectify.notify.Inbox;
import org.rectify.platform.HeaderFigure;
import org.springframework.stereotype.Component;

/** Puts the signed-in account's unread count on every page, for the inbox link in the header. */
@Component
class UnreadCount extends HeaderFigure {

    private final Inbox inbox;

    UnreadCount(Inbox inbox) {
        super("unreadCount");
        this.inbox = inbox;
    }

    @Override
    protected Integer figure() {
        return Callers.current().map(caller -> inbox.unread(caller.accountId())).orElse(null);
    }
}
