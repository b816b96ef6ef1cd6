package org.rectify.access.internal;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed in by an API token: it acts as the token's account, but may not make more tokens. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final AccountDetails account;

    ApiTokenAuthentication(AccountDetails account) {
        super(account.getAuthorities());
        this.account = account;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return account;
    }

    @Override
    public String getName() {
        return account.getUsername();
    }
}
