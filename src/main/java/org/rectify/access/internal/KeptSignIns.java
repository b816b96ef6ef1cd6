package org.rectify.access.internal;

import org.rectify.access.AccountChanged;
import org.rectify.access.ApiTokenChanged;
import org.rectify.platform.KeptUntilChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What signing a request in reads, kept a few seconds (issue 14: the token's statement was most of a cheap API call's
 * own cost): the account an API token acts as, with the token's expiry, and an account's session version for
 * {@link StaleSessions}. Everything kept is dropped at once when an account or a token changes on this node (and again
 * once that change is committed: a read that began before it is not kept); a token past its expiry is refused
 * whatever is kept. A change on another node, or made in the database by hand, holds here within
 * {@code rectify.sign-in.keep} (5 s; 0 reads every time). Unknown secrets are not kept.
 */
@Component
class KeptSignIns {

    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final KeptUntilChanged kept;

    /** The key of a session version (a token's key is its hash in hex). */
    private record SessionOf(long accountId) {
    }

    KeptSignIns(@Value("${rectify.sign-in.keep:5s}") Duration keep, Clock clock) {
        this.kept = new KeptUntilChanged(keep, MAX_ENTRIES);
        this.clock = clock;
    }

    /** The enabled account the token with this hash acts as now; {@code load} reads it when nothing fresh is kept. */
    Optional<AccountDetails> holder(byte[] hash, Supplier<Optional<AccountDetailsService.TokenHolder>> load) {
        AccountDetailsService.TokenHolder holder = kept.get(HexFormat.of().formatHex(hash), () -> load.get().orElse(null));
        return Optional.ofNullable(holder)
                .filter(h -> h.expiresAt().isAfter(clock.instant()))
                .map(AccountDetailsService.TokenHolder::account)
                .filter(AccountDetails::isEnabled);
    }

    /** The account's session version; none when there is no such account. */
    Integer sessionVersion(long accountId, Supplier<Integer> load) {
        return kept.get(new SessionOf(accountId), load);
    }

    @EventListener({AccountChanged.class, ApiTokenChanged.class})
    void changed() {
        kept.changed();
    }
}
