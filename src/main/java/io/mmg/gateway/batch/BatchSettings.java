package io.mmg.gateway.batch;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.batches.*: where payout files are dropped and written, how fast rows are paid and what
 * happens to a file with invalid rows.
 */
@ConfigurationProperties("gateway.batches")
public record BatchSettings(
        Path dir,
        boolean requireApproval,
        boolean rejectFileWithInvalidRows,
        int maxRows,
        double ratePerSecond,
        int threads,
        int setSize,
        Duration pauseOnOutage,
        Duration lease) {

    public BatchSettings {
        dir = dir == null ? Path.of(".gateway-data/batches") : dir;
        maxRows = maxRows <= 0 ? 200_000 : maxRows;
        ratePerSecond = ratePerSecond <= 0 ? 10 : ratePerSecond;
        threads = threads <= 0 ? 4 : threads;
        pauseOnOutage = pauseOnOutage == null ? Duration.ofSeconds(30) : pauseOnOutage;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
    }

    /**
     * Rows claimed, stored and sent together (BatchPayouts): gateway.batches.set-size when given, else a tenth of a
     * second's rows at the pace, at most half the threads so that the next set
     * is claimed and stored while one is with the provider; never more than the threads,
     * so every payment of a set leaves the moment it is stored.
     */
    public int rowsPerSet() {
        if (setSize > 0) {
            return Math.min(setSize, threads);
        }
        return (int) Math.max(1, Math.min(Math.ceil(ratePerSecond / 10), threads / 2));
    }

    public Path inbox() {
        return dir.resolve("inbox");
    }

    public Path outbox() {
        return dir.resolve("outbox");
    }
}
