package org.rectify.audit.internal;

import org.rectify.access.Caller;
import org.rectify.access.Callers;
import org.rectify.platform.Audited;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns every {@link Audited} event into a chain entry in the transaction of the command that published it, as it is
 * published: the command and its entry commit together or not at all, and the transaction's entries are written in
 * one statement just before it commits ({@link AuditChain#append}). (Not an application module listener: those run
 * after the commit, when an entry could be lost.) An event published outside a transaction gets its own.
 */
@Component
class AuditRecorder {

    private final AuditChain chain;
    private final Clock clock;

    AuditRecorder(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @EventListener
    void on(Audited event) {
        chain.append(occurredAt(event), actor(event), event.auditAction(), event.auditObject(), CanonicalJson.of(event));
    }

    /** The event's actor; modules that know no caller (units) leave it to the signed-in account, else "system". */
    private static String actor(Audited event) {
        String actor = event.actor();
        if (actor != null && !actor.isBlank()) {
            return actor;
        }
        return Callers.current().map(Caller::signature).orElse("system");
    }

    /** The time the command recorded (the task history shows the same), else now. */
    private Instant occurredAt(Audited event) {
        Instant at = event.occurredAt();
        return at != null ? at : clock.instant();
    }
}
