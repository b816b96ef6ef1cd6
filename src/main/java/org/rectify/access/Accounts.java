package org.rectify.access;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Record;
import org.rectify.access.AccountChanged.Change;
import org.rectify.access.internal.LoginThrottle;
import org.rectify.platform.EmailAddress;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Like;
import org.rectify.platform.NotFoundException;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rectify.access.internal.db.Tables.ACCOUNT;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * Accounts: each belongs to one unit and has one role. Every change is published as an {@link AccountChanged}; a
 * change that alters what the account may do (disabled, new role or unit, password reset) also ends its open
 * sessions, by raising its session version.
 */
@Service
@Transactional
public class Accounts {

    /** No 0/O, 1/l/I: a one-time password is read out or copied by hand. */
    private static final char[] ONE_TIME_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The shortest password accepted, for forms to say so. */
    public static final int PASSWORD_MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

    private final DSLContext db;
    private final Units units;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    Accounts(DSLContext db, Units units, PasswordEncoder passwords, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.db = db;
        this.units = units;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    /** Creates an account on behalf of the system (the demo, the first administrator). */
    public long create(NewAccount account) {
        return create(account, "system");
    }

    public long create(NewAccount account, String actor) {
        units.get(account.unitId());
        Map<String, String> errors = new LinkedHashMap<>();
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
        PasswordPolicy.violation(account.password(), account.username()).ifPresent(key -> {
            throw new InvalidInputException(Map.of("password", key), key);
        });
        if (exists(account.username())) {
            throw new InvalidInputException(Map.of("username", "account.usernameTaken"), "account.usernameTaken");
        }
        long id = db.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, account.username())
                .set(ACCOUNT.PASSWORD_HASH, passwords.encode(account.password()))
                .set(ACCOUNT.DISPLAY_NAME, account.displayName())
                .set(ACCOUNT.UNIT_ID, account.unitId())
                .set(ACCOUNT.ROLE, account.role().name())
                .set(ACCOUNT.EMAIL, email)
                .returning(ACCOUNT.ID).fetchOne(ACCOUNT.ID);
        events.publishEvent(new AccountChanged(actor, Change.CREATED, id, account.username()));
        return id;
    }

    /** The accounts of these units (exactly these, not units below) that have one of the roles. */
    @Transactional(readOnly = true)
    public List<Long> ofUnits(Collection<Long> unitIds, Role... roles) {
        return db.select(ACCOUNT.ID).from(ACCOUNT).where(enabledOf(unitIds, roles)).orderBy(ACCOUNT.ID).fetch(ACCOUNT.ID);
    }

    /** {@link #ofUnits} of each of these units, by unit (a unit without such an account left out), read at once. */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> ofEachUnit(Collection<Long> unitIds, Role... roles) {
        return unitIds.isEmpty() ? Map.of() : db.select(ACCOUNT.UNIT_ID, ACCOUNT.ID).from(ACCOUNT)
                .where(enabledOf(unitIds, roles)).orderBy(ACCOUNT.ID).fetchGroups(ACCOUNT.UNIT_ID, ACCOUNT.ID);
    }

    private static Condition enabledOf(Collection<Long> unitIds, Role... roles) {
        return ACCOUNT.UNIT_ID.in(unitIds).and(ACCOUNT.ENABLED.isTrue())
                .and(ACCOUNT.ROLE.in(Arrays.stream(roles).map(Enum::name).toList()));
    }

    /** Those of these units that have an enabled account of the role (an office's units, for a plan's hand-over). */
    @Transactional(readOnly = true)
    public Set<Long> unitsWith(Collection<Long> unitIds, Role role) {
        return new HashSet<>(db.selectDistinct(ACCOUNT.UNIT_ID).from(ACCOUNT)
                .where(ACCOUNT.UNIT_ID.in(unitIds).and(ACCOUNT.ENABLED.isTrue()).and(ACCOUNT.ROLE.eq(role.name())))
                .fetch(ACCOUNT.UNIT_ID));
    }

    @Transactional(readOnly = true)
    public List<AccountView> all() {
        return fetch(DSL.noCondition(), 0, Integer.MAX_VALUE);
    }

    /**
     * One page of the accounts by name ({@code page} 0 first) whose username or name contains {@code search} (all when
     * blank): a province has an office, a head and staff per unit, and an administrator looks one up by name.
     */
    @Transactional(readOnly = true)
    public List<AccountView> page(String search, int page, int size) {
        return fetch(named(search), (long) Math.max(0, page) * size, size);
    }

    @Transactional(readOnly = true)
    public int count(String search) {
        return db.fetchCount(ACCOUNT, named(search));
    }

    private static Condition named(String search) {
        if (search == null || search.isBlank()) {
            return DSL.noCondition();
        }
        String like = Like.containing(search);
        return ACCOUNT.USERNAME.likeIgnoreCase(like, '!').or(ACCOUNT.DISPLAY_NAME.likeIgnoreCase(like, '!'));
    }

    private List<AccountView> fetch(Condition which, long offset, int limit) {
        Set<String> slowed = throttle.slowedNames();
        return db.select(ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME, ACCOUNT.UNIT_ID, UNITS_DIRECTORY.NAME,
                        ACCOUNT.ROLE, ACCOUNT.ENABLED, ACCOUNT.MUST_CHANGE_PASSWORD, ACCOUNT.EMAIL)
                .from(ACCOUNT).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(ACCOUNT.UNIT_ID))
                .where(which)
                .orderBy(ACCOUNT.USERNAME, ACCOUNT.ID).offset(offset).limit(limit)
                .fetch(r -> new AccountView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Role.valueOf(r.value6()),
                        r.value7(), slowed.contains(r.value2()), r.value8(), r.value9()));
    }

    /** Sets (or with a blank, removes) the address the account's notifications are mailed to. */
    public void setEmail(long accountId, String email, String actor) {
        String normalized = EmailAddress.normalize(email, "email");
        Record account = get(accountId);
        if (java.util.Objects.equals(account.get(ACCOUNT.EMAIL), normalized)) {
            return;
        }
        db.update(ACCOUNT).set(ACCOUNT.EMAIL, normalized).where(ACCOUNT.ID.eq(accountId)).execute();
        // where notices are mailed decides who reads them: recorded like a person's address
        events.publishEvent(new AccountChanged(actor, Change.EMAIL_SET, accountId, account.get(ACCOUNT.USERNAME)));
    }

    /** The email addresses of these accounts, of those that are enabled and have one. */
    @Transactional(readOnly = true)
    public Map<Long, String> emails(Collection<Long> accountIds) {
        return db.select(ACCOUNT.ID, ACCOUNT.EMAIL).from(ACCOUNT)
                .where(ACCOUNT.ID.in(accountIds).and(ACCOUNT.ENABLED.isTrue()).and(ACCOUNT.EMAIL.isNotNull()))
                .fetchMap(ACCOUNT.ID, ACCOUNT.EMAIL);
    }

    /** On behalf of the system. */
    public void setEnabled(long accountId, boolean enabled) {
        setEnabled(accountId, enabled, "system");
    }

    /**
     * Disabling keeps the account (its name stays in histories) but it can no longer sign in, and its open sessions
     * end at their next request.
     */
    public void setEnabled(long accountId, boolean enabled, String actor) {
        Record account = get(accountId);
        if (account.get(ACCOUNT.ENABLED) == enabled) {
            return;
        }
        db.update(ACCOUNT).set(ACCOUNT.ENABLED, enabled).set(ACCOUNT.SESSION_VERSION, ACCOUNT.SESSION_VERSION.plus(1))
                .where(ACCOUNT.ID.eq(accountId)).execute();
        events.publishEvent(new AccountChanged(actor, enabled ? Change.ENABLED : Change.DISABLED, accountId,
                account.get(ACCOUNT.USERNAME)));
    }

    /** A new role or unit changes what the account may see: its open sessions end, to sign in again under the new one. */
    public void reassign(long accountId, Role role, Long unitId, String actor) {
        Record account = get(accountId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (role == null) {
            errors.put("role", "account.roleRequired");
        }
        if (unitId == null) {
            errors.put("unitId", "account.unitRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        units.get(unitId);
        if (account.get(ACCOUNT.ROLE).equals(role.name()) && account.get(ACCOUNT.UNIT_ID).equals(unitId)) {
            return;
        }
        db.update(ACCOUNT).set(ACCOUNT.ROLE, role.name()).set(ACCOUNT.UNIT_ID, unitId)
                .set(ACCOUNT.SESSION_VERSION, ACCOUNT.SESSION_VERSION.plus(1))
                .where(ACCOUNT.ID.eq(accountId)).execute();
        events.publishEvent(new AccountChanged(actor, Change.REASSIGNED, accountId, account.get(ACCOUNT.USERNAME)));
    }

    /**
     * An administrator's reset: a new random one-time password, returned once to be handed over, which only lets its
     * owner choose a new password. The account's open sessions end.
     */
    public String resetPassword(long accountId, String actor) {
        Record account = get(accountId);
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ONE_TIME_ALPHABET[RANDOM.nextInt(ONE_TIME_ALPHABET.length)];
        }
        String oneTime = new String(chars);
        db.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwords.encode(oneTime)).set(ACCOUNT.MUST_CHANGE_PASSWORD, true)
                .set(ACCOUNT.SESSION_VERSION, ACCOUNT.SESSION_VERSION.plus(1))
                .where(ACCOUNT.ID.eq(accountId)).execute();
        throttle.clear(account.get(ACCOUNT.USERNAME));
        events.publishEvent(new AccountChanged(actor, Change.PASSWORD_RESET, accountId, account.get(ACCOUNT.USERNAME)));
        return oneTime;
    }

    /**
     * The owner changes their password, proving they know the current one. Their other sessions end; the caller
     * renews the session the change was made in.
     */
    public void changePassword(long accountId, String current, String next, String repeated, String actor) {
        Record account = get(accountId);
        if (current == null || !passwords.matches(current, account.get(ACCOUNT.PASSWORD_HASH))) {
            throw new InvalidInputException(Map.of("current", "account.password.currentWrong"), "account.password.currentWrong");
        }
        String username = account.get(ACCOUNT.USERNAME);
        String violation = PasswordPolicy.violation(next, username)
                .orElseGet(() -> next.equals(current) ? "account.password.unchanged" : null);
        if (violation != null) {
            throw new InvalidInputException(Map.of("password", violation), violation);
        }
        if (!next.equals(repeated)) {
            throw new InvalidInputException(Map.of("repeated", "account.password.mismatch"), "account.password.mismatch");
        }
        db.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwords.encode(next)).set(ACCOUNT.MUST_CHANGE_PASSWORD, false)
                .set(ACCOUNT.SESSION_VERSION, ACCOUNT.SESSION_VERSION.plus(1))
                .where(ACCOUNT.ID.eq(accountId)).execute();
        events.publishEvent(new AccountChanged(actor, Change.PASSWORD_CHANGED, accountId, username));
    }

    /** Clears the delays that failed sign-ins under the account's name have put on it. */
    public void unlock(long accountId, String actor) {
        Record account = get(accountId);
        if (throttle.clear(account.get(ACCOUNT.USERNAME))) {
            events.publishEvent(new AccountChanged(actor, Change.UNLOCKED, accountId, account.get(ACCOUNT.USERNAME)));
        }
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return db.fetchExists(ACCOUNT, ACCOUNT.USERNAME.eq(username));
    }

    private Record get(long accountId) {
        return db.select(ACCOUNT.USERNAME, ACCOUNT.ENABLED, ACCOUNT.ROLE, ACCOUNT.UNIT_ID, ACCOUNT.PASSWORD_HASH, ACCOUNT.EMAIL)
                .from(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("account.notFound", accountId));
    }
}
