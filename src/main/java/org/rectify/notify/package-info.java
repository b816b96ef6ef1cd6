/**
 * Notifications: the in-app inbox (unread count in the header), email over SMTP and webhooks (generic JSON,
 * DingTalk and WeCom robots), fed by what happens elsewhere through one dispatcher
 * ({@code internal.Dispatcher}) and an outbox sent with retries. Listens only; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify",
        allowedDependencies = {"platform", "access", "units", "units :: *", "plans", "progress", "supervision", "closure"})
package org.rectify.notify;
