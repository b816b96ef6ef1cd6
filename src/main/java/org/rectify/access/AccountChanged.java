package org.rectify.access;

import org.rectify.platform.Audited;

/** An administrator or the account's owner changed an account: recorded by the audit chain. */
public record AccountChanged(String actor, Change change, long accountId, String username) implements Audited {

    /** What changed; each is one audit action. */
    public enum Change {
        CREATED("account.created"),
        DISABLED("account.disabled"),
        ENABLED("account.enabled"),
        /** Its role or unit, and so what it may see and do. */
        REASSIGNED("account.reassigned"),
        /** An administrator cleared the delays that failed sign-ins put on its name. */
        UNLOCKED("account.unlocked"),
        PASSWORD_CHANGED("account.password-changed"),
        /** An administrator set a one-time password. */
        PASSWORD_RESET("account.password-reset"),
        /** The address its notifications are mailed to was set or removed. */
        EMAIL_SET("account.email-set");

        private final String action;

        Change(String action) {
            this.action = action;
        }
    }

    @Override
    public String auditAction() {
        return change.action;
    }

    @Override
    public String auditObject() {
        return "account:" + accountId;
    }
}
