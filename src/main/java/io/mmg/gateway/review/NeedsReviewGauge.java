package io.mmg.gateway.review;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * gateway.payments.needs.review (Prometheus: gateway_payments_needs_review): how many payments wait for an
 * operator, across all merchants and instances, read from the database at each scrape, so an alert can fire on
 * it. The count reads the poller's partial index (V83), which holds only open payments.
 */
@Component
class NeedsReviewGauge {

    static final String NAME = "gateway.payments.needs.review";

    NeedsReviewGauge(MeterRegistry meters, JdbcTemplate jdbc) {
        Gauge.builder(NAME, () -> jdbc.queryForObject(
                        "SELECT count(*) FROM payment WHERE status = 'NEEDS_REVIEW'", Long.class))
                .description("Payments in NEEDS_REVIEW: open, not settled by the gateway, waiting for an operator")
                .register(meters);
    }
}
