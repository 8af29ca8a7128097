package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Issues and checks Daraja access tokens: opaque strings of 28 characters, not JWTs (docs/providers.md#daraja-oauth).
 * With {@code token-invalidates-previous} a new token revokes the earlier ones, as Daraja's FAQ says it does.
 */
@Component
@ConditionalOnSandbox
public class MpesaSandboxTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PURGE_EVERY = 1_000;

    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final AtomicInteger issuedSincePurge = new AtomicInteger();

    /** A new token; its lifetime goes out as {@code expires_in}, a string of seconds. */
    public synchronized String issue(Duration ttl, boolean invalidatesPrevious, Instant now) {
        if (invalidatesPrevious) {
            issued.clear();
        }
        StringBuilder token = new StringBuilder(28);
        for (int i = 0; i < 28; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        issued.put(token.toString(), now.plus(ttl));
        if (issuedSincePurge.incrementAndGet() % PURGE_EVERY == 0) {
            issued.values().removeIf(expiry -> !now.isBefore(expiry));
        }
        return token.toString();
    }

    public boolean isValid(String token, Instant now) {
        Instant expiry = token == null ? null : issued.get(token);
        return expiry != null && now.isBefore(expiry);
    }
}
