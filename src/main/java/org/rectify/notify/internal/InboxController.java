package org.rectify.notify.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.access.Caller;
import org.rectify.notify.Inbox;
import org.rectify.notify.InboxMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/** The caller's own inbox: read it, open a message (which marks it read), mark all read. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(Caller caller, Model model) {
        model.addAttribute("messages", inbox.messages(caller.accountId()));
        return "notify/inbox";
    }

    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable long id, Caller caller) {
        inbox.markRead(caller.accountId(), id);
        // by id, not from the first page of messages: a read message sorts after every unread one
        String link = inbox.linkOf(caller.accountId(), id).orElse(null);
        return "redirect:" + (link == null || !link.startsWith("/") ? "/inbox" : link);
    }

    @PostMapping("/inbox/read")
    String readAll(Caller caller) {
        inbox.markAllRead(caller.accountId());
        return "redirect:/inbox";
    }

    @GetMapping("/api/inbox")
    @ResponseBody
    @Operation(summary = "The caller's inbox, unread first (message keys with arguments, as the pages localize them)")
    List<InboxMessage> api(Caller caller) {
        return inbox.messages(caller.accountId());
    }

    @PostMapping("/api/inbox/{id}/read")
    @ResponseBody
    void apiRead(@PathVariable long id, Caller caller) {
        inbox.markRead(caller.accountId(), id);
    }
}
