package org.rectify.access;

/** An account to create; the password is given in clear once and stored only as a hash. */
public record NewAccount(String username, String password, String displayName, long unitId, Role role, String email) {

    /** An account without an email address: it hears of things in the inbox only. */
    public NewAccount(String username, String password, String displayName, long unitId, Role role) {
        this(username, password, displayName, unitId, role, null);
    }

    @Override
    public String toString() { // never log the password
        return "NewAccount[" + username + ", " + role + ", unit " + unitId + "]";
    }
}
