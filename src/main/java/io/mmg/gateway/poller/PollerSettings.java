package io.mmg.gateway.poller;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.poller.*: how often open payments are asked about. MTN sends a callback once and never
 * retries (docs/providers.md#mtn-callbacks), so polling is what guarantees every payment ends. A payment the gateway
 * still cannot get an answer about {@code reviewAfter} after it was created goes to NEEDS_REVIEW and is
 * asked about every {@code reviewInterval} from then on, until an answer or an operator settles it.
 */
@ConfigurationProperties("gateway.poller")
public record PollerSettings(
        long intervalMs,
        int batchSize,
        int threads,
        Duration firstDelay,
        Duration maxInterval,
        Duration expireAfter,
        Duration lease,
        Duration reviewAfter,
        Duration reviewInterval) {

    public PollerSettings {
        intervalMs = intervalMs <= 0 ? 5000 : intervalMs;
        batchSize = batchSize <= 0 ? 200 : batchSize;
        threads = threads <= 0 ? 16 : threads;
        firstDelay = firstDelay == null ? Duration.ofSeconds(30) : firstDelay;
        maxInterval = maxInterval == null ? Duration.ofMinutes(5) : maxInterval;
        expireAfter = expireAfter == null ? Duration.ofHours(1) : expireAfter;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        reviewAfter = reviewAfter == null ? Duration.ofHours(1) : reviewAfter;
        reviewInterval = reviewInterval == null ? Duration.ofHours(1) : reviewInterval;
    }

    /** Exponential backoff: firstDelay, 2x, 4x, ... capped at maxInterval. */
    public long nextPollSeconds(int attempts) {
        long first = Math.max(1, firstDelay.toSeconds());
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long delay = first << Math.min(doublings, 20);
        return Math.min(delay, Math.max(1, maxInterval.toSeconds()));
    }

    /** A payment in review is still asked about, but only every reviewInterval (never sooner than the backoff). */
    public long reviewPollSeconds(int attempts) {
        return Math.max(nextPollSeconds(attempts), Math.max(1, reviewInterval.toSeconds()));
    }
}
