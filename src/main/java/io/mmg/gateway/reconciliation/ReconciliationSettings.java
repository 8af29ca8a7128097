package io.mmg.gateway.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.reconciliation.*: how large a period may be, how fast providers are asked (MTN caps status GETs at about
 * 10 per second, docs/providers.md#mtn-limits, and the poller asks too), and how long an asynchronous answer is waited for.
 * The daily job's schedule ({@code daily.enabled}, {@code daily.cron}) and the worker's tick
 * ({@code worker-interval-ms}, {@code threads}) are read by routes/reconciliation.yaml.
 */
@ConfigurationProperties("gateway.reconciliation")
public record ReconciliationSettings(
        Duration maxSpan,
        double ratePerSecond,
        long workerIntervalMs,
        Duration lease,
        Duration resultWait,
        int maxAttempts,
        Duration retryDelay) {

    public ReconciliationSettings {
        maxSpan = maxSpan == null ? Duration.ofDays(31) : maxSpan;
        ratePerSecond = ratePerSecond <= 0 ? 5 : ratePerSecond;
        workerIntervalMs = workerIntervalMs <= 0 ? 1000 : workerIntervalMs;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        resultWait = resultWait == null ? Duration.ofMinutes(10) : resultWait;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
    }

    /**
     * Items claimed per tick: one tick's worth at the configured rate. Each instance ticks on its own; the rate
     * holds for the whole cluster because every check waits for a permit of one shared bucket in the database
     * (ReconciliationChecks.pace), and an item claimed but not yet checked is leased to its instance.
     */
    public int itemsPerTick() {
        return Math.max(1, (int) Math.ceil(ratePerSecond * workerIntervalMs / 1000.0));
    }
}
