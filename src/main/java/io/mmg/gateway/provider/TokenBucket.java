package io.mmg.gateway.provider;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces work to a rate (permits per second), smoothing bursts: callers wait for their turn. Per JVM: a provider's
 * limit that all instances share uses {@link SharedTokenBucket}. The clock is injectable so the pacing can be
 * tested without sleeping.
 */
public final class TokenBucket {

    public interface Clock {
        long nanoTime();

        default void sleepNanos(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    }

    public static final Clock SYSTEM = System::nanoTime;

    private final long intervalNanos;
    private final Clock clock;
    private long nextFree;

    public TokenBucket(double permitsPerSecond, Clock clock) {
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        this.clock = clock;
        this.nextFree = clock.nanoTime();
    }

    /** Blocks until the caller may go; returns how long it waited, in nanoseconds. */
    public long acquire() {
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            // No saving up: after an idle spell the next permit is immediate, not a burst.
            long slot = Math.max(nextFree, now);
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            clock.sleepNanos(wait);
        }
        return wait;
    }
}
