package io.mmg.gateway.provider;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Paces work to a rate across every gateway instance on one database: the {@link TokenBucket} of one JVM, with
 * its state (the instant the next permit is free) in a row of provider_rate_limit. A caller reserves its slot with
 * one atomic statement and waits for it here; the database's clock decides, so instances never compare clocks.
 * Like TokenBucket it saves nothing up: after an idle spell the next permit is immediate, not a burst.
 *
 * <p>Why not Bucket4j's PostgreSQL backend: it would hold the limit too, but each permit is a transaction of a lock
 * (advisory or SELECT ... FOR UPDATE), a read and a write of the bucket serialised into a bytea, then a commit,
 * four round trips, and two more artifacts. Here one INSERT ... ON CONFLICT DO UPDATE ... RETURNING per permit, on a
 * row updated in place, does the same reservation in one round trip. One statement per permit rather than a batch:
 * at provider rates (tens a second) it costs what the status query's own UPDATE costs, and a batch reserved by one
 * instance would be unused time for the others.
 */
public final class SharedTokenBucket {

    /** Sleeps at least the given time; replaced in tests that only count the waits. */
    public interface Sleeper {
        void sleepNanos(long nanos);
    }

    /** Sleeps until the deadline, never less (LockSupport.parkNanos may return early). */
    public static final Sleeper SYSTEM = nanos -> {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted while waiting for a provider rate permit");
            }
        }
    };

    // The slot is GREATEST(next_free, now); next_free moves one interval past it; the wait is slot - now.
    private static final String RESERVE = """
            INSERT INTO provider_rate_limit AS l (name, next_free)
            VALUES (?, clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (name) DO UPDATE
               SET next_free = GREATEST(l.next_free, clock_timestamp()) + make_interval(secs => ?)
            RETURNING EXTRACT(EPOCH FROM l.next_free - clock_timestamp())::float8 - ?""";

    private final JdbcTemplate jdbc;
    private final String name;
    private final double intervalSeconds;
    private final Sleeper sleeper;

    public SharedTokenBucket(JdbcTemplate jdbc, String name, double permitsPerSecond, Sleeper sleeper) {
        if (permitsPerSecond <= 0) {
            throw new IllegalArgumentException("A shared rate limit needs a positive rate, not " + permitsPerSecond);
        }
        this.jdbc = jdbc;
        this.name = name;
        this.intervalSeconds = 1.0 / permitsPerSecond;
        this.sleeper = sleeper;
    }

    /** Blocks until the caller may go; returns how long it waited, in nanoseconds. */
    public long acquire() {
        return acquire(1);
    }

    /**
     * Reserves {@code permits} consecutive slots in one statement and blocks until the last of them, as that many
     * {@link #acquire()} calls in a row would (a payout set's rows leave together).
     */
    public long acquire(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("At least one permit, not " + permits);
        }
        double reserved = intervalSeconds * permits;
        Double waitSeconds = jdbc.queryForObject(RESERVE, Double.class, name, reserved, reserved, intervalSeconds);
        long wait = waitSeconds == null || waitSeconds <= 0 ? 0 : (long) Math.ceil(waitSeconds * TimeUnit.SECONDS.toNanos(1));
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        return wait;
    }
}
