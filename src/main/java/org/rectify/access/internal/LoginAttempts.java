package org.rectify.access.internal;

import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.rectify.db.Tables.ACCOUNT;

/** Counts failed logins per account and applies the {@link LockoutPolicy}. */
@Component
class LoginAttempts {

    private final DSLContext db;
    private final Clock clock;

    LoginAttempts(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Integer failures = db.update(ACCOUNT).set(ACCOUNT.FAILED_ATTEMPTS, ACCOUNT.FAILED_ATTEMPTS.plus(1))
                .where(ACCOUNT.USERNAME.eq(username)).returning(ACCOUNT.FAILED_ATTEMPTS)
                .fetchOptional(ACCOUNT.FAILED_ATTEMPTS).orElse(null);
        if (failures == null) {
            return; // no such account: nothing to count
        }
        Instant until = LockoutPolicy.DEFAULT.lockedUntil(failures, clock.instant());
        if (until != null) {
            db.update(ACCOUNT).set(ACCOUNT.LOCKED_UNTIL, until.atOffset(ZoneOffset.UTC)).set(ACCOUNT.FAILED_ATTEMPTS, 0)
                    .where(ACCOUNT.USERNAME.eq(username)).execute();
        }
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        db.update(ACCOUNT).set(ACCOUNT.FAILED_ATTEMPTS, 0).setNull(ACCOUNT.LOCKED_UNTIL)
                .where(ACCOUNT.USERNAME.eq(event.getAuthentication().getName())).execute();
    }
}
