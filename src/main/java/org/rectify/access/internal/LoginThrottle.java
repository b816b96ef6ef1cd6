package org.rectify.access.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;
import static org.rectify.access.internal.db.Tables.LOGIN_THROTTLE;

/**
 * Failed sign-ins counted in the database (so every node sees them) per client address and per submitted name, and
 * judged by {@link ThrottlePolicy}. A successful sign-in writes nothing unless its name had failures to clear.
 */
@Component
public class LoginThrottle {

    private static final Duration KEEP = Duration.ofDays(1);
    private static final int MAX_NAME = 100;

    private final DSLContext db;
    private final Clock clock;

    LoginThrottle(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What is known of an attempt's name and address before its password is looked at. */
    public record Standing(Instant refusedUntil, boolean nameHasFailures) {
    }

    @Transactional(readOnly = true)
    public Standing standing(String name, String address) {
        Instant now = clock.instant();
        Instant until = null;
        boolean nameHasFailures = false;
        for (var row : db.selectFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.KEY.in(nameKey(name), addressKey(address))).fetch()) {
            boolean isName = row.getKey().equals(nameKey(name));
            nameHasFailures |= isName;
            Instant refused = (isName ? ThrottlePolicy.PER_NAME : ThrottlePolicy.PER_CLIENT)
                    .refusedUntil(row.getFailures(), row.getLastFailureAt().toInstant(), now);
            if (refused != null && (until == null || refused.isAfter(until))) {
                until = refused;
            }
        }
        return new Standing(until, nameHasFailures);
    }

    @Transactional
    public void failed(String name, String address) {
        Instant now = clock.instant();
        count(nameKey(name), ThrottlePolicy.PER_NAME, now);
        count(addressKey(address), ThrottlePolicy.PER_CLIENT, now);
        db.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.LAST_FAILURE_AT.lt(at(now.minus(KEEP)))).execute();
    }

    /** A success clears its name's failures (the address keeps its count: one good account must not reset a guesser). */
    @Transactional
    public void succeeded(String name) {
        db.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.KEY.eq(nameKey(name))).execute();
    }

    /** An administrator clears the failures of an account's name. True when there were any. */
    @Transactional
    public boolean clear(String username) {
        return db.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.KEY.eq(nameKey(username))).execute() > 0;
    }

    /** The names being slowed down now, for the accounts page. */
    @Transactional(readOnly = true)
    public Set<String> slowedNames() {
        Instant now = clock.instant();
        List<org.rectify.access.internal.db.tables.records.LoginThrottleRecord> rows = db.selectFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.KEY.startsWith("name:")
                        .and(LOGIN_THROTTLE.FAILURES.ge(ThrottlePolicy.PER_NAME.freeFailures()))).fetch();
        return rows.stream().filter(r -> ThrottlePolicy.PER_NAME.isSlowed(r.getFailures(), r.getLastFailureAt().toInstant(), now))
                .map(r -> r.getKey().substring("name:".length())).collect(Collectors.toSet());
    }

    private void count(String key, ThrottlePolicy policy, Instant now) {
        OffsetDateTime forgotten = at(now.minus(policy.forgetAfter()));
        db.insertInto(LOGIN_THROTTLE).set(LOGIN_THROTTLE.KEY, key).set(LOGIN_THROTTLE.FAILURES, 1)
                .set(LOGIN_THROTTLE.LAST_FAILURE_AT, at(now))
                .onConflict(LOGIN_THROTTLE.KEY).doUpdate()
                .set(LOGIN_THROTTLE.FAILURES, when(LOGIN_THROTTLE.LAST_FAILURE_AT.le(forgotten), inline(1))
                        .otherwise(LOGIN_THROTTLE.FAILURES.plus(1)))
                .set(LOGIN_THROTTLE.LAST_FAILURE_AT, at(now))
                .execute();
    }

    private static String nameKey(String name) {
        // a NUL cannot be stored in PostgreSQL text: control characters count as one key, not a server error
        String n = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "?");
        return "name:" + (n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n);
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
