package org.rectify.access.internal;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a name and password (form or HTTP Basic) under the {@link LoginThrottle}: an attempt whose name or address
 * must wait is refused before its password is looked at; a wrong password is counted. An unknown name costs the same
 * password check as a known one (Spring's provider compares against a dummy hash), and a disabled account answers a
 * wrong password like any other name, so neither the answer nor its timing tells which names exist.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(account -> { }); // status only after the password proved who is asking
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        provider.afterPropertiesSet();
        this.passwords = provider;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        LoginThrottle.Standing standing = throttle.standing(name, address);
        if (standing.refusedUntil() != null) {
            throw new LoginThrottledException(standing.refusedUntil());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            if (standing.nameHasFailures()) {
                throttle.succeeded(name);
            }
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(name, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
