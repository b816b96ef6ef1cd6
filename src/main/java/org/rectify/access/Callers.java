package org.rectify.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The signed-in caller of the current request, for code that is not a controller method. */
public final class Callers {

    /** Implemented by the security principal. */
    public interface Principal {
        Caller caller();
    }

    private Callers() {
    }

    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Principal principal
                ? Optional.of(principal.caller()) : Optional.empty();
    }
}
