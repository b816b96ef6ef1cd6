package org.rectify.platform;

/**
 * A fact that the audit chain records. Every event published by a command that changes data implements it, so the
 * audit module can listen to one type and nothing has to call it.
 */
public interface Audited {

    /** Who did it: the caller's signature or username, or {@code "system"} for scheduled work. */
    String actor();

    /** What was done, as {@code module.verb}: {@code task.transitioned}, {@code account.disabled}. */
    String auditAction();

    /** What it was done to, as {@code type:id}: {@code task:42}, {@code account:7}. */
    String auditObject();

    /**
     * When the command did it, as its own history records it (a record's {@code Instant occurredAt} component
     * implements this); {@code null}: the audit chain takes the time it appends.
     */
    default java.time.Instant occurredAt() {
        return null;
    }
}
