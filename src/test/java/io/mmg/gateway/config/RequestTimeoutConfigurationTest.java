package io.mmg.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.database.DatabaseSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestTimeoutConfigurationTest {

    @Test
    void the_request_timeout_outlasts_the_provider_budget_plus_every_statement_at_its_bound() {
        DatabaseSettings defaults = new DatabaseSettings(null, null, null, null, null, null);

        Duration timeout = RequestTimeoutConfiguration.timeout(58, defaults);

        // 58 s of provider attempts + 6 statements x (3 s for a connection + 5 s statement_timeout)
        assertThat(timeout).isEqualTo(Duration.ofSeconds(58 + 6 * 8));
    }
}
