package org.rectify.access.internal;

import org.springframework.security.core.AuthenticationException;

import java.time.Instant;

/** A sign-in refused without looking at its password, because its name or address must wait a little. */
class LoginThrottledException extends AuthenticationException {

    private final transient Instant retryAt;

    LoginThrottledException(Instant retryAt) {
        super("too many failed sign-ins; retry at " + retryAt);
        this.retryAt = retryAt;
    }

    Instant retryAt() {
        return retryAt;
    }
}
