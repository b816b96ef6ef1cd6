package org.rectify.access.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.ApiTokenChanged;
import org.rectify.access.Caller;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.rectify.access.internal.db.Tables.API_TOKEN;

/**
 * Personal API tokens: a random 256-bit secret shown once, kept as its SHA-256 (a secret nobody can guess needs no
 * slow hash, so checking one costs microseconds and one indexed read), acting as its account until it expires or
 * is revoked. Checking writes nothing.
 */
@Service
@Transactional
public class ApiTokens {

    static final String PREFIX = "rct_";
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;
    static final int MAX_NAME = 60;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Copied for each hash, never used itself: a digest is not safe across threads. */
    private static final MessageDigest SHA_256 = sha256();

    private final DSLContext db;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokens(DSLContext db, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.events = events;
    }

    /** One token as its owner sees it: never the secret. */
    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A new token with its secret, which exists only in this answer. */
    public record NewToken(TokenView token, String secret) {
    }

    public NewToken create(Caller caller, String name, Integer days) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new InvalidInputException(Map.of("name", "apiToken.nameRequired"), "apiToken.nameRequired");
        }
        int validFor = days == null ? DEFAULT_DAYS : days;
        if (validFor < 1 || validFor > MAX_DAYS) {
            throw new InvalidInputException(Map.of("days", "apiToken.daysRange"), "apiToken.daysRange");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(validFor, ChronoUnit.DAYS);
        String shown = secret.substring(0, PREFIX.length() + 6);
        long id = db.insertInto(API_TOKEN).set(API_TOKEN.ACCOUNT_ID, caller.accountId()).set(API_TOKEN.NAME, trimmed)
                .set(API_TOKEN.SECRET_HASH, hash(secret)).set(API_TOKEN.PREFIX, shown)
                .set(API_TOKEN.CREATED_AT, at(now)).set(API_TOKEN.EXPIRES_AT, at(expires))
                .returning(API_TOKEN.ID).fetchOne(API_TOKEN.ID);
        events.publishEvent(new ApiTokenChanged(caller.signature(), true, id, caller.accountId(), trimmed));
        return new NewToken(new TokenView(id, trimmed, shown, now, expires, null), secret);
    }

    @Transactional(readOnly = true)
    public List<TokenView> of(long accountId) {
        return db.selectFrom(API_TOKEN).where(API_TOKEN.ACCOUNT_ID.eq(accountId)).orderBy(API_TOKEN.ID.desc())
                .fetch(r -> new TokenView(r.getId(), r.getName(), r.getPrefix(), r.getCreatedAt().toInstant(),
                        r.getExpiresAt().toInstant(), r.getRevokedAt() == null ? null : r.getRevokedAt().toInstant()));
    }

    /** Revokes one of the caller's own tokens; another account's is "not found". Revoking twice changes nothing. */
    public void revoke(Caller caller, long tokenId) {
        var token = db.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(tokenId).and(API_TOKEN.ACCOUNT_ID.eq(caller.accountId())))
                .forUpdate().fetchOptional().orElseThrow(() -> new NotFoundException("apiToken.notFound", tokenId));
        if (token.getRevokedAt() != null) {
            return;
        }
        db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, at(clock.instant())).where(API_TOKEN.ID.eq(tokenId)).execute();
        events.publishEvent(new ApiTokenChanged(caller.signature(), false, tokenId, caller.accountId(), token.getName()));
    }

    /**
     * A condition on API_TOKEN: the token whose hash is {@code hash}, unrevoked and unexpired; so that signing a request
     * in reads the token and its account in one statement. It reads nothing itself: no transaction, no connection.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Condition matching(byte[] hash) {
        return API_TOKEN.SECRET_HASH.eq(hash).and(API_TOKEN.REVOKED_AT.isNull()).and(API_TOKEN.EXPIRES_AT.gt(at(clock.instant())));
    }

    /** Whether a presented secret has the shape of ours (anything else is refused without a read). */
    static boolean wellFormed(String secret) {
        return secret != null && secret.startsWith(PREFIX) && secret.length() <= 100;
    }

    /**
     * A token's SHA-256, from a copy of one digest made at start: {@code getInstance} looked the algorithm up among the
     * providers at every API request (2-3 % of a count's request thread, issue 14).
     */
    static byte[] hash(String secret) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e); // the JDK's SHA-256 can be copied
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
