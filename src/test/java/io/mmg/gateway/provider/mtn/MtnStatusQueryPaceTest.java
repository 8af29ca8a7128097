package io.mmg.gateway.provider.mtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.SharedTokenBucket;
import io.mmg.gateway.support.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Status queries per MTN product are paced through a bucket in PostgreSQL (each test on rows of its own). */
@GatewayIntegrationTest
class MtnStatusQueryPaceTest {

    static final ProviderCall STATUS = new ProviderCall(ProviderCall.STATUS, "GET", "/collection/v1_0/requesttopay/x", Map.of(), null);
    static final ProviderCall INITIATE = new ProviderCall(ProviderCall.INITIATE, "POST", "/collection/v1_0/requesttopay", Map.of(), "{}");

    @Autowired
    JdbcTemplate jdbc;

    private final String rows = "test-" + UUID.randomUUID() + "-";
    private final List<Long> waits = new ArrayList<>();

    @Test
    void status_queries_of_a_product_are_spaced_to_the_limit() {
        MtnStatusQueryPace pace = new MtnStatusQueryPace(20, product ->
                new SharedTokenBucket(jdbc, rows + product, 20, SharedTokenBucket.SYSTEM));
        long start = System.nanoTime();

        for (int i = 0; i < 11; i++) {
            pace.pace(STATUS, "collection");
        }

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void payment_requests_and_other_products_do_not_wait_for_a_products_status_queries() {
        MtnStatusQueryPace pace = new MtnStatusQueryPace(10, product -> new SharedTokenBucket(jdbc, rows + product, 10, waits::add));
        pace.pace(STATUS, "collection");

        pace.pace(INITIATE, "collection");
        pace.pace(STATUS, "disbursement");

        assertThat(waits).isEmpty();
    }

    @Test
    void no_limit_means_no_wait_and_no_database() {
        MtnStatusQueryPace pace = new MtnStatusQueryPace(0, product -> {
            throw new AssertionError("no bucket without a limit");
        });

        for (int i = 0; i < 100; i++) {
            pace.pace(STATUS, "collection");
        }
    }

    @Test
    void a_negative_limit_is_a_configuration_error() {
        assertThatThrownBy(() -> new MtnStatusQueryPace(-1, product -> null)).isInstanceOf(IllegalArgumentException.class);
    }
}
