package org.rectify.access;

import java.time.OffsetDateTime;

/** An account as administrators see it; never the password hash. The email is where notifications go. */
public record AccountView(long id, String username, String displayName, long unitId, String unitName, Role role,
                          boolean enabled, OffsetDateTime lockedUntil, String email) {
}
