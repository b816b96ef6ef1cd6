package org.rectify.access.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.platform.InputLimits;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

import static org.rectify.access.internal.db.Tables.ACCOUNT;
import static org.rectify.access.internal.db.Tables.API_TOKEN;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

@Service
class AccountDetailsService implements UserDetailsService {

    private final DSLContext db;

    AccountDetailsService(DSLContext db) {
        this.db = db;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (InputLimits.hasControlCharacter(username)) {
            throw new UsernameNotFoundException("?"); // no account has one; PostgreSQL would refuse the NUL with its SQL in the log
        }
        return load(ACCOUNT.USERNAME.eq(username)).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The account matching a condition on ACCOUNT. */
    Optional<AccountDetails> load(Condition which) {
        return db.select(ACCOUNT.asterisk(), UNITS_DIRECTORY.NAME, UNITS_DIRECTORY.PATH).from(ACCOUNT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(ACCOUNT.UNIT_ID))
                .where(which)
                .fetchOptional(AccountDetailsService::details);
    }

    /** The account an API token acts as, with when the token expires: token and account in one statement. */
    Optional<TokenHolder> holder(Condition token) {
        return db.select(ACCOUNT.asterisk(), UNITS_DIRECTORY.NAME, UNITS_DIRECTORY.PATH, API_TOKEN.EXPIRES_AT)
                .from(API_TOKEN).join(ACCOUNT).on(ACCOUNT.ID.eq(API_TOKEN.ACCOUNT_ID))
                .join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(ACCOUNT.UNIT_ID))
                .where(token)
                .fetchOptional(r -> new TokenHolder(details(r), r.get(API_TOKEN.EXPIRES_AT).toInstant()));
    }

    /** An API token's account and the moment the token stops acting as it. */
    record TokenHolder(AccountDetails account, Instant expiresAt) {
    }

    private static AccountDetails details(Record r) {
        Role role = Role.valueOf(r.get(ACCOUNT.ROLE));
        DataScope scope = role == Role.ADMIN ? DataScope.ALL
                : role.isUnitRole() ? DataScope.ofUnit(r.get(UNITS_DIRECTORY.PATH)) : DataScope.ofJurisdiction(r.get(UNITS_DIRECTORY.PATH));
        Caller caller = new Caller(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                r.get(ACCOUNT.UNIT_ID), r.get(UNITS_DIRECTORY.NAME), role, scope);
        return new AccountDetails(caller, r.get(ACCOUNT.PASSWORD_HASH), r.get(ACCOUNT.ENABLED),
                r.get(ACCOUNT.SESSION_VERSION), r.get(ACCOUNT.MUST_CHANGE_PASSWORD));
    }
}
