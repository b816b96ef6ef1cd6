package org.rectify.access;

/**
 * An account as administrators see it; never the password hash. The email is where notifications go. {@code slowed}:
 * recent failed sign-ins under its name make each next attempt wait (an administrator may clear that);
 * {@code mustChangePassword}: it was given a one-time password.
 */
public record AccountView(long id, String username, String displayName, long unitId, String unitName, Role role,
                          boolean enabled, boolean slowed, boolean mustChangePassword, String email) {
}
