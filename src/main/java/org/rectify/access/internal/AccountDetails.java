package org.rectify.access.internal;

import org.rectify.access.Caller;
import org.rectify.access.Callers;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/**
 * The security principal: the account's caller view plus what Spring Security needs to sign it in. A session keeps
 * the {@code sessionVersion} it was signed in under, and ends when the account's moves on ({@link StaleSessions}).
 * {@code mustChangePassword}: signed in with a one-time password, it may only choose a new one.
 */
record AccountDetails(Caller caller, String passwordHash, boolean enabled, int sessionVersion, boolean mustChangePassword)
        implements UserDetails, Callers.Principal, Serializable {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
