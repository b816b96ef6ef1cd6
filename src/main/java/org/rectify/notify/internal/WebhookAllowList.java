package org.rectify.notify.internal;

import org.jooq.DSLContext;
import org.rectify.notify.WebhookChanged;
import org.rectify.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.rectify.notify.internal.db.Tables.WEBHOOK_ALLOWED_TARGET;

/**
 * The internal receivers an administrator admits as webhook targets: the entries of the setting
 * {@code rectify.webhooks.allowed-targets} and those kept in the database (added and removed on a page).
 * Read on every check, so a removal takes effect at the next send.
 */
@Service
@Transactional
public class WebhookAllowList {

    /** One entry; {@code fromSetting} entries come from the configuration and cannot be removed on the page. */
    public record Entry(String entry, String note, String createdBy, OffsetDateTime createdAt, boolean fromSetting) {
    }

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final List<String> configured;

    WebhookAllowList(DSLContext db, ApplicationEventPublisher events,
                     @Value("${rectify.webhooks.allowed-targets:}") String configured) {
        this.db = db;
        this.events = events;
        this.configured = Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.configured.forEach(e -> {
            if (!WebhookTargets.validEntry(e)) {
                throw new IllegalStateException("rectify.webhooks.allowed-targets: not a host, address or range: " + e);
            }
        });
    }

    /** The policy as it stands now. */
    @Transactional(readOnly = true)
    public WebhookTargets current() {
        List<String> all = new ArrayList<>(configured);
        all.addAll(db.select(WEBHOOK_ALLOWED_TARGET.ENTRY).from(WEBHOOK_ALLOWED_TARGET).fetch(WEBHOOK_ALLOWED_TARGET.ENTRY));
        return WebhookTargets.allowing(all);
    }

    @Transactional(readOnly = true)
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(configured.stream().map(e -> new Entry(e, null, null, null, true)).toList());
        out.addAll(db.selectFrom(WEBHOOK_ALLOWED_TARGET).orderBy(WEBHOOK_ALLOWED_TARGET.ENTRY)
                .fetch(r -> new Entry(r.getEntry(), r.getNote(), r.getCreatedBy(), r.getCreatedAt(), false)));
        return out;
    }

    /** Admits a host name, an address or a CIDR range. */
    public void add(String entry, String note) {
        String e = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.length() > 200 || !WebhookTargets.validEntry(e)) {
            throw new InvalidInputException(Map.of("entry", "webhookTarget.entryInvalid"), "webhookTarget.entryInvalid");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 500) {
            throw new InvalidInputException(Map.of("note", "webhookTarget.noteTooLong"), "webhookTarget.noteTooLong");
        }
        int added = db.insertInto(WEBHOOK_ALLOWED_TARGET).set(WEBHOOK_ALLOWED_TARGET.ENTRY, e)
                .set(WEBHOOK_ALLOWED_TARGET.NOTE, n).set(WEBHOOK_ALLOWED_TARGET.CREATED_BY, actor())
                .onConflictDoNothing().execute();
        if (added > 0) {
            events.publishEvent(new WebhookChanged(actor(), "webhook.target-allowed", "webhook-target:" + e));
        }
    }

    public void remove(String entry) {
        String e = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
        if (db.deleteFrom(WEBHOOK_ALLOWED_TARGET).where(WEBHOOK_ALLOWED_TARGET.ENTRY.eq(e)).execute() > 0) {
            events.publishEvent(new WebhookChanged(actor(), "webhook.target-removed", "webhook-target:" + e));
        }
    }

    /** Who is acting: the signed-in user, or "system" for work nobody requested. */
    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
