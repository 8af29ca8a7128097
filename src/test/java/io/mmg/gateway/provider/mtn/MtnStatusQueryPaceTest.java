package io.mmg.gateway.provider.mtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.TokenBucket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MtnStatusQueryPaceTest {

    /** A clock that moves only when someone waits. */
    static final class WaitingClock implements TokenBucket.Clock {
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

    static final ProviderCall STATUS = new ProviderCall(ProviderCall.STATUS, "GET", "/collection/v1_0/requesttopay/x", Map.of(), null);
    static final ProviderCall INITIATE = new ProviderCall(ProviderCall.INITIATE, "POST", "/collection/v1_0/requesttopay", Map.of(), "{}");

    @Test
    void status_queries_of_a_product_are_spaced_to_the_limit() {
        WaitingClock clock = new WaitingClock();
        MtnStatusQueryPace pace = new MtnStatusQueryPace(10, clock);

        for (int i = 0; i < 11; i++) {
            pace.pace(STATUS, "collection");
        }

        assertThat(clock.now).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void payment_requests_and_other_products_do_not_wait_for_a_products_status_queries() {
        WaitingClock clock = new WaitingClock();
        MtnStatusQueryPace pace = new MtnStatusQueryPace(10, clock);
        pace.pace(STATUS, "collection");

        pace.pace(INITIATE, "collection");
        pace.pace(STATUS, "disbursement");

        assertThat(clock.now).isZero();
    }

    @Test
    void no_limit_means_no_wait() {
        WaitingClock clock = new WaitingClock();
        MtnStatusQueryPace pace = new MtnStatusQueryPace(0, clock);

        for (int i = 0; i < 100; i++) {
            pace.pace(STATUS, "collection");
        }

        assertThat(clock.now).isZero();
    }

    @Test
    void a_negative_limit_is_a_configuration_error() {
        assertThatThrownBy(() -> new MtnStatusQueryPace(-1, new WaitingClock())).isInstanceOf(IllegalArgumentException.class);
    }
}
