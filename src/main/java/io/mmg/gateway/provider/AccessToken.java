package io.mmg.gateway.provider;

import java.time.Duration;
import java.time.Instant;

/** An OAuth access token and when to stop using it. */
public record AccessToken(String value, Instant expiresAt) {

    public static AccessToken issued(String value, Instant issuedAt, Duration lifetime) {
        return new AccessToken(value, issuedAt.plus(lifetime));
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";   // never the value itself
    }
}
