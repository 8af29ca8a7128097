package io.mmg.gateway.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider product's OAuth token, shared by all requests (MTN: "re-use the token, refresh about
 * 10 minutes before expiry", docs/providers.md#mtn-tokens; Daraja: a new token may invalidate the old one, docs/providers.md#daraja-oauth).
 *
 * <p>No stampede: while the current token is still valid, the one caller that finds it due for
 * refresh fetches the new one and everybody else keeps using the old one; only when there is no
 * valid token at all do callers wait, all on the same fetch.
 */
public final class AccessTokenCache {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenCache.class);

    private final String name;
    private final Supplier<AccessToken> fetcher;
    private final Duration refreshBefore;
    private final Clock clock;

    private volatile Entry current;
    private CompletableFuture<Entry> inFlight;   // guarded by this

    public AccessTokenCache(String name, Supplier<AccessToken> fetcher, Duration refreshBefore, Clock clock) {
        this.name = name;
        this.fetcher = fetcher;
        this.refreshBefore = refreshBefore;
        this.clock = clock;
    }

    /** A valid token value, fetching one only when needed. */
    public String token() {
        Instant now = clock.instant();
        Entry entry = current;
        if (entry != null && now.isBefore(entry.refreshAt())) {
            return entry.token().value();
        }
        boolean stillValid = entry != null && now.isBefore(entry.token().expiresAt());
        CompletableFuture<Entry> fetch;
        boolean mine = false;
        synchronized (this) {
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                mine = true;
            }
            fetch = inFlight;
        }
        if (mine) {
            runFetch(fetch);
        } else if (stillValid) {
            return entry.token().value();
        }
        try {
            return fetch.join().token().value();
        } catch (CompletionException e) {
            if (stillValid) {
                log.warn("Refreshing the {} token failed; the current one is still valid until {}", name,
                        entry.token().expiresAt());
                return entry.token().value();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Forgets a token the provider rejected (401), unless a newer one has replaced it already. */
    public void invalidate(String rejectedValue) {
        Entry entry = current;
        if (entry != null && entry.token().value().equals(rejectedValue)) {
            current = null;
        }
    }

    private void runFetch(CompletableFuture<Entry> fetch) {
        try {
            AccessToken token = fetcher.get();
            Entry entry = new Entry(token, refreshAt(token));
            current = entry;
            fetch.complete(entry);
            log.debug("Fetched a new {} token, valid until {}", name, token.expiresAt());
        } catch (RuntimeException e) {
            fetch.completeExceptionally(e);
        } finally {
            synchronized (this) {
                inFlight = null;
            }
        }
    }

    /** Refresh {@code refreshBefore} ahead of expiry, but never in the first half of a short-lived token. */
    private Instant refreshAt(AccessToken token) {
        Instant now = clock.instant();
        Duration lifetime = Duration.between(now, token.expiresAt());
        Duration lead = refreshBefore.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : refreshBefore;
        return token.expiresAt().minus(lead);
    }

    private record Entry(AccessToken token, Instant refreshAt) {
    }
}
