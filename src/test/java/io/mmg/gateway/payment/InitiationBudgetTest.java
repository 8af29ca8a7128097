package io.mmg.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InitiationBudgetTest {

    @Test
    void the_budget_covers_every_attempt_timing_out_and_the_backoff_between_them() {
        // 3 attempts of (2 s connect + 15 s response) = 51 s, backoff 0.5 + 1 s, ceil, plus a 5 s margin.
        assertThat(InitiationBudget.seconds(2, 500, 2, 17_000)).isEqualTo(58);
        assertThat(InitiationBudget.seconds(0, 500, 2, 1_000)).isEqualTo(6);
    }

    @Test
    void the_budget_is_that_of_the_slowest_provider() {
        long mpesaSlower = new InitiationBudget(2, 500, 2, 2_000, 15_000, 2_000, 30_000).seconds();
        long mtnSlower = new InitiationBudget(2, 500, 2, 2_000, 30_000, 2_000, 15_000).seconds();

        assertThat(mpesaSlower).isEqualTo(InitiationBudget.seconds(2, 500, 2, 32_000));
        assertThat(mtnSlower).isEqualTo(mpesaSlower);
    }
}
