package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.notify.Inbox;
import org.rectify.plans.TaskLedger;
import org.rectify.units.People;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one way a notification leaves notify: to the inbox of the audience's accounts, and queued for every
 * other channel — one email per address of its accounts and persons (when mail is configured) and one post
 * per enabled webhook whose unit scope covers a unit concerned. All in one transaction, each deduped by its
 * key, so dispatching the same message again (a retried event, a restart, a second node) adds nothing.
 */
@Service
@Transactional
public class Dispatcher {

    static final String TEST_KIND = "WEBHOOK_TEST";

    private final Inbox inbox;
    private final Outbound outbound;
    private final OutgoingTexts texts;
    private final MailChannel mail;
    private final Webhooks webhooks;
    private final Accounts accounts;
    private final People people;
    private final TaskLedger tasks;
    private final Clock clock;

    Dispatcher(Inbox inbox, Outbound outbound, OutgoingTexts texts, MailChannel mail, Webhooks webhooks,
               Accounts accounts, People people, TaskLedger tasks, Clock clock) {
        this.inbox = inbox;
        this.outbound = outbound;
        this.texts = texts;
        this.mail = mail;
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.people = people;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Delivers and queues the message; nothing at all when it is about a task that is closed or cancelled. */
    public void dispatch(Audience audience, Outgoing message) {
        if (message.taskId() != null && !tasks.isOpen(message.taskId())) {
            return;
        }
        inbox.deliver(audience.accountIds(), message.kind(), message.dedupeKey(), message.link(), message.messageKey(),
                message.args().toArray(String[]::new));
        queue(audience, message, webhooks.covering(audience.unitIds()), clock.instant());
    }

    /** A message and who it is for. */
    public record Delivery(Audience audience, Outgoing message) {
    }

    /**
     * {@link #dispatch} of many messages (a plan's tasks assigned together): the same deliveries, with the tasks' states,
     * the inbox rows and the webhooks read or written for all at once, not a few statements per message.
     */
    public void dispatchAll(List<Delivery> deliveries) {
        Set<Long> open = tasks.openAmong(deliveries.stream().map(d -> d.message().taskId()).filter(Objects::nonNull).toList());
        List<Delivery> live = deliveries.stream()
                .filter(d -> d.message().taskId() == null || open.contains(d.message().taskId())).toList();
        inbox.deliverAll(live.stream().map(d -> new Inbox.Delivery(d.audience().accountIds(), d.message().kind(),
                d.message().dedupeKey(), d.message().link(), d.message().messageKey(), d.message().args())).toList());
        List<List<Long>> hooks = webhooks.coveringEach(live.stream().map(d -> d.audience().unitIds()).toList());
        Instant now = clock.instant();
        for (int i = 0; i < live.size(); i++) {
            queue(live.get(i).audience(), live.get(i).message(), hooks.get(i), now);
        }
    }

    /** Queues the message for every other channel: each address of the audience (when mail is on), these webhooks. */
    private void queue(Audience audience, Outgoing message, List<Long> webhookIds, Instant now) {
        if (!mail.enabled() && webhookIds.isEmpty()) {
            return;
        }
        RenderedText text = texts.render(message);
        if (mail.enabled()) {
            for (String address : addresses(audience)) {
                outbound.queue(Channel.EMAIL, address, null, message, text.title(), text.mailBody(), text.link(), now);
            }
        }
        for (long webhook : webhookIds) {
            outbound.queue(Channel.WEBHOOK, Long.toString(webhook), webhook, message, text.title(), text.text(), text.link(), now);
        }
    }

    /** Queues a test message for one webhook (whatever its scope) and returns its outbox id. */
    public long queueTest(long webhookId) {
        if (!webhooks.exists(webhookId)) {
            throw new org.rectify.platform.NotFoundException("webhook.notFound", webhookId);
        }
        Outgoing test = Outgoing.of(TEST_KIND, "test:" + webhookId + ":" + java.util.UUID.randomUUID(), "/",
                "notify.webhookTestMessage");
        RenderedText text = texts.render(test);
        webhooks.testQueued(webhookId);
        return outbound.queue(Channel.WEBHOOK, Long.toString(webhookId), webhookId, test, text.title(), text.text(),
                text.link(), clock.instant()).orElseThrow();
    }

    /** Each address once, however many accounts and persons share it (an office mailbox, say). */
    private Set<String> addresses(Audience audience) {
        Set<String> out = new LinkedHashSet<>();
        if (!audience.accountIds().isEmpty()) {
            accounts.emails(audience.accountIds()).values().forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
        }
        if (!audience.personIds().isEmpty()) {
            people.emails(audience.personIds()).values().forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

}
