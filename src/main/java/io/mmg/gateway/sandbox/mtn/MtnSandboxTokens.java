package io.mmg.gateway.sandbox.mtn;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Issues and checks product access tokens. They look like MTN's (a JWT with header
 * {@code {"typ":"JWT","alg":"R256"}} and payload {@code {clientId, expires, sessionId}}, docs/providers.md#mtn-tokens) but are checked
 * by lookup, not by signature: the signature is random bytes.
 */
@Component
@ConditionalOnSandbox
public class MtnSandboxTokens {

    /** MTN's {@code token_type} is this literal, not "Bearer" (docs/providers.md#mtn-tokens, recorded). */
    static final String TOKEN_TYPE = "access_token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] HEADER = "{\"typ\":\"JWT\",\"alg\":\"R256\"}".getBytes();
    /** The payload's {@code expires} is local time without a zone, e.g. 2020-11-15T11:33:11.151 (docs/providers.md#mtn-tokens). */
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final int PURGE_EVERY = 1_000;

    /** The body of a 200 from {@code POST /{product}/token/}. */
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    record IssuedToken(String apiUser, MtnProduct product, Instant expiresAt) {
    }

    private final Map<String, IssuedToken> issued = new ConcurrentHashMap<>();
    private final AtomicInteger issuedSincePurge = new AtomicInteger();

    public TokenResponse issue(String apiUser, MtnProduct product, Duration ttl, Instant now) {
        Instant expiresAt = now.plus(ttl);
        String token = jwtLike(apiUser, LocalDateTime.ofInstant(expiresAt, ZoneId.systemDefault()),
                UUID.randomUUID());
        issued.put(token, new IssuedToken(apiUser, product, expiresAt));
        purgeExpiredOccasionally(now);
        return new TokenResponse(token, TOKEN_TYPE, ttl.toSeconds());
    }

    /** The token's owner, if it was issued for this product and has not expired. */
    public Optional<IssuedToken> validate(String token, MtnProduct product, Instant now) {
        IssuedToken found = issued.get(token);
        if (found == null || found.product() != product || !now.isBefore(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    static String jwtLike(String apiUser, LocalDateTime expires, UUID sessionId) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("clientId", apiUser);
        payload.put("expires", EXPIRES.format(expires));
        payload.put("sessionId", sessionId.toString());
        byte[] signature = new byte[256];
        RANDOM.nextBytes(signature);
        try {
            return BASE64URL.encodeToString(HEADER) + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(payload))
                    + "." + BASE64URL.encodeToString(signature);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a token payload", e);
        }
    }

    /** Keeps the store bounded when a client fetches a token per call (which MTN advises against, docs/providers.md#mtn-limits). */
    private void purgeExpiredOccasionally(Instant now) {
        if (issuedSincePurge.incrementAndGet() % PURGE_EVERY == 0) {
            issued.values().removeIf(token -> !now.isBefore(token.expiresAt()));
        }
    }
}
