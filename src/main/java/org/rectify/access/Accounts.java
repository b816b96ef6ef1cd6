package org.rectify.access;

import org.jooq.DSLContext;
import org.rectify.platform.EmailAddress;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.NotFoundException;
import org.rectify.units.Units;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

import static org.rectify.db.Tables.ACCOUNT;

/** Creating accounts. Each account belongs to one unit and has one role. */
@Service
@Transactional
public class Accounts {

    private final DSLContext db;
    private final Units units;
    private final PasswordEncoder passwords;

    Accounts(DSLContext db, Units units, PasswordEncoder passwords) {
        this.db = db;
        this.units = units;
        this.passwords = passwords;
    }

    public long create(NewAccount account) {
        units.get(account.unitId());
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (account.username() == null || !account.username().matches("[A-Za-z0-9._-]{3,40}")) {
            errors.put("username", "account.usernameInvalid");
        }
        if (account.displayName() == null || account.displayName().isBlank()) {
            errors.put("displayName", "account.displayNameRequired");
        }
        if (account.role() == null) {
            errors.put("role", "account.roleRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        String email = EmailAddress.normalize(account.email(), "email");
        if (account.password() == null || account.password().length() < 8) {
            throw new InvalidInputException(Map.of("password", "account.passwordTooShort"), "account.passwordTooShort");
        }
        if (exists(account.username())) {
            throw new InvalidInputException(Map.of("username", "account.usernameTaken"), "account.usernameTaken");
        }
        return db.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, account.username())
                .set(ACCOUNT.PASSWORD_HASH, passwords.encode(account.password()))
                .set(ACCOUNT.DISPLAY_NAME, account.displayName())
                .set(ACCOUNT.UNIT_ID, account.unitId())
                .set(ACCOUNT.ROLE, account.role().name())
                .set(ACCOUNT.EMAIL, email)
                .returning(ACCOUNT.ID).fetchOne(ACCOUNT.ID);
    }

    /** The accounts of these units (exactly these, not units below) that have one of the roles. */
    @Transactional(readOnly = true)
    public java.util.List<Long> ofUnits(java.util.Collection<Long> unitIds, Role... roles) {
        return db.select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.UNIT_ID.in(unitIds).and(ACCOUNT.ENABLED.isTrue())
                        .and(ACCOUNT.ROLE.in(java.util.Arrays.stream(roles).map(Enum::name).toList())))
                .orderBy(ACCOUNT.ID).fetch(ACCOUNT.ID);
    }

    @Transactional(readOnly = true)
    public java.util.List<AccountView> all() {
        return db.select(ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME, ACCOUNT.UNIT_ID, org.rectify.db.Tables.UNIT.NAME,
                        ACCOUNT.ROLE, ACCOUNT.ENABLED, ACCOUNT.LOCKED_UNTIL, ACCOUNT.EMAIL)
                .from(ACCOUNT).join(org.rectify.db.Tables.UNIT).on(org.rectify.db.Tables.UNIT.ID.eq(ACCOUNT.UNIT_ID))
                .orderBy(ACCOUNT.USERNAME)
                .fetch(r -> new AccountView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Role.valueOf(r.value6()),
                        r.value7(), r.value8(), r.value9()));
    }

    /** Sets (or with a blank, removes) the address the account's notifications are mailed to. */
    public void setEmail(long accountId, String email) {
        String normalized = EmailAddress.normalize(email, "email");
        if (db.update(ACCOUNT).set(ACCOUNT.EMAIL, normalized).where(ACCOUNT.ID.eq(accountId)).execute() == 0) {
            throw new NotFoundException("account.notFound", accountId);
        }
    }

    /** The email addresses of these accounts, of those that are enabled and have one. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> emails(java.util.Collection<Long> accountIds) {
        return db.select(ACCOUNT.ID, ACCOUNT.EMAIL).from(ACCOUNT)
                .where(ACCOUNT.ID.in(accountIds).and(ACCOUNT.ENABLED.isTrue()).and(ACCOUNT.EMAIL.isNotNull()))
                .fetchMap(ACCOUNT.ID, ACCOUNT.EMAIL);
    }

    /** Disabling keeps the account (its name stays in histories) but it can no longer sign in. */
    public void setEnabled(long accountId, boolean enabled) {
        db.update(ACCOUNT).set(ACCOUNT.ENABLED, enabled).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return db.fetchExists(ACCOUNT, ACCOUNT.USERNAME.eq(username));
    }
}
