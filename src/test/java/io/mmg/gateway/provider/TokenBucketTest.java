package io.mmg.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    /** A clock that moves only when someone sleeps. */
    static final class FakeClock implements TokenBucket.Clock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }
    }

    @Test
    void permits_are_spaced_to_the_rate() {
        FakeClock clock = new FakeClock();
        TokenBucket bucket = new TokenBucket(4, clock);

        for (int i = 0; i < 9; i++) {
            bucket.acquire();
        }

        assertThat(clock.now).isEqualTo(TimeUnit.MILLISECONDS.toNanos(2000));
    }

    @Test
    void an_idle_spell_is_not_saved_up_as_a_burst() {
        FakeClock clock = new FakeClock();
        TokenBucket bucket = new TokenBucket(10, clock);
        bucket.acquire();
        clock.now += TimeUnit.SECONDS.toNanos(60);

        assertThat(bucket.acquire()).isZero();
        assertThat(bucket.acquire()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }
}
