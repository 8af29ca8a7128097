package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How much one worker tick takes on: the rate, whatever the number of instances (ticks never overlap). */
class ReconciliationSettingsTest {

    @Test
    void a_tick_claims_what_the_rate_allows_in_its_interval() {
        assertThat(settings(5, 1000).itemsPerTick()).isEqualTo(5);
        assertThat(settings(50, 300).itemsPerTick()).isEqualTo(15);
        assertThat(settings(8, 250).itemsPerTick()).isEqualTo(2);
    }

    @Test
    void a_slow_rate_still_claims_one_payment_a_tick() {
        assertThat(settings(0.5, 1000).itemsPerTick()).isEqualTo(1);
    }

    private static ReconciliationSettings settings(double rate, long intervalMs) {
        return new ReconciliationSettings(Duration.ofDays(31), rate, intervalMs, null, null, 0, null);
    }
}
