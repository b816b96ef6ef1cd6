package org.rectify.notify;

import org.rectify.platform.Audited;

/**
 * A webhook or the webhook allow-list was changed, or a test message was sent: {@code webhook.created},
 * {@code webhook.edited}, {@code webhook.enabled}, {@code webhook.disabled}, {@code webhook.deleted},
 * {@code webhook.test-sent} on {@code webhook:7}; {@code webhook.target-allowed} and
 * {@code webhook.target-removed} on {@code webhook-target:10.0.0.0/8}.
 */
public record WebhookChanged(String actor, String auditAction, String auditObject) implements Audited {
}
