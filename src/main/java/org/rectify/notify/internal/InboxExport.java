package org.rectify.notify.internal;

import org.rectify.access.Caller;
import org.rectify.notify.Inbox;
import org.rectify.notify.InboxMessage;
import org.rectify.platform.ListExport;
import org.rectify.platform.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/** The caller's inbox as .xlsx ({@code /inbox?format=xlsx}): kind, message, when, read or not. */
@Controller
@ResponseBody
class InboxExport {

    private final Inbox inbox;
    private final Messages messages;
    private final Clock clock;

    InboxExport(Inbox inbox, Messages messages, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.messages = messages;
    }

    @GetMapping(value = "/inbox", params = "format=xlsx")
    void export(Caller caller, HttpServletResponse response) throws IOException {
        String title = messages.text("notify.title");
        ListExport.of(messages.text("export.title", title, LocalDate.now(clock)),
                        inbox.messages(caller.accountId()), clock.getZone())
                .column(messages.text("notify.export.kind"), m -> messages.text("notify.kind." + m.kind()))
                .column(messages.text("notify.export.message"), m -> messages.text(m.messageKey(), m.formatArgs()))
                .column(messages.text("notify.export.at"), InboxMessage::createdAt)
                .column(messages.text("notify.export.read"), m -> messages.text(m.isUnread() ? "notify.export.unread" : "notify.export.wasRead"))
                .download(title + ".xlsx", response);
    }
}
