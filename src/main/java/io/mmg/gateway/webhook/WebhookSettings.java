package io.mmg.gateway.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.webhooks.*: how often due deliveries are claimed, how long a merchant's endpoint may take, and the
 * retry schedule (exponential backoff with jitter, capped, for at least {@code retryFor} after the first attempt).
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhookSettings(
        long intervalMs,
        int batchSize,
        int threads,
        long connectTimeoutMs,
        long responseTimeoutMs,
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        double jitter,
        Duration retryFor,
        Duration lease,
        Duration rotationOverlap) {

    public WebhookSettings {
        intervalMs = intervalMs <= 0 ? 1000 : intervalMs;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        threads = threads <= 0 ? 8 : threads;
        connectTimeoutMs = connectTimeoutMs <= 0 ? 3000 : connectTimeoutMs;
        responseTimeoutMs = responseTimeoutMs <= 0 ? 10000 : responseTimeoutMs;
        initialDelay = initialDelay == null ? Duration.ofSeconds(10) : initialDelay;
        multiplier = multiplier < 1 ? 2 : multiplier;
        maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
        jitter = Math.min(Math.max(jitter, 0), 1);
        retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        rotationOverlap = rotationOverlap == null ? Duration.ofHours(24) : rotationOverlap;
        // A lease shorter than one attempt could let a second instance send while the first still waits.
        if (lease.toMillis() <= connectTimeoutMs + responseTimeoutMs) {
            throw new IllegalStateException("gateway.webhooks.lease must be longer than connect-timeout-ms + response-timeout-ms");
        }
    }

    public WebhookBackoff backoff() {
        return new WebhookBackoff(initialDelay, multiplier, maxDelay, jitter, retryFor);
    }
}
