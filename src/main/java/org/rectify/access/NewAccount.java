package org.rectify.access;

/** An account to create; the password is given in clear once and stored only as a hash. */
public record NewAccount(String username, String password, String displayName, long unitId, Role role) {

    @Override
    public String toString() { // never log the password
        return "NewAccount[" + username + ", " + role + ", unit " + unitId + "]";
    }
}
