package org.rectify.access.internal;

import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;

import static org.rectify.db.Tables.ACCOUNT;
import static org.rectify.db.Tables.UNIT;

@Service
class AccountDetailsService implements UserDetailsService {

    private final DSLContext db;
    private final Clock clock;

    AccountDetailsService(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return db.select(ACCOUNT.asterisk(), UNIT.NAME, UNIT.PATH).from(ACCOUNT).join(UNIT).on(UNIT.ID.eq(ACCOUNT.UNIT_ID))
                .where(ACCOUNT.USERNAME.eq(username))
                .fetchOptional(r -> {
                    Role role = Role.valueOf(r.get(ACCOUNT.ROLE));
                    DataScope scope = role == Role.ADMIN ? DataScope.ALL
                            : role.isUnitRole() ? DataScope.ofUnit(r.get(UNIT.PATH)) : DataScope.ofJurisdiction(r.get(UNIT.PATH));
                    Caller caller = new Caller(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                            r.get(ACCOUNT.UNIT_ID), r.get(UNIT.NAME), role, scope);
                    boolean locked = LockoutPolicy.DEFAULT.isLocked(
                            r.get(ACCOUNT.LOCKED_UNTIL) == null ? null : r.get(ACCOUNT.LOCKED_UNTIL).toInstant(), clock.instant());
                    return new AccountDetails(caller, r.get(ACCOUNT.PASSWORD_HASH), r.get(ACCOUNT.ENABLED), locked);
                })
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
