package io.mmg.gateway.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a delivery again: {@code initialDelay}, then {@code multiplier} times longer each attempt, capped at
 * {@code maxDelay} and shortened by up to {@code jitter} (a fraction) so that deliveries that failed together do
 * not come back together. Retries go on until {@code retryFor} has passed since the first attempt: the last
 * attempt is therefore at least that long after the first. Pure, so the schedule is tested on its own.
 */
public record WebhookBackoff(Duration initialDelay, double multiplier, Duration maxDelay, double jitter, Duration retryFor) {

    /**
     * The wait after failed attempt number {@code attempt} (1 = the first), or empty when the retry window is
     * over and the delivery fails for good. {@code random} is uniform in [0, 1).
     */
    public Optional<Duration> next(int attempt, Instant firstAttemptAt, Instant now, double random) {
        if (!now.isBefore(firstAttemptAt.plus(retryFor))) {
            return Optional.empty();
        }
        return Optional.of(delay(attempt, random));
    }

    Duration delay(int attempt, double random) {
        double exponential = initialDelay.toMillis() * Math.pow(multiplier, Math.max(attempt - 1, 0));
        double capped = Math.min(exponential, maxDelay.toMillis());
        return Duration.ofMillis(Math.max(1, Math.round(capped * (1 - jitter * random))));
    }
}
