/**
 * Notifications: the in-app inbox (unread count in the header), fed by what happens elsewhere. Listens
 * only; nothing depends on it. Email and webhook channels are to follow on the same deliveries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify")
package org.rectify.notify;
