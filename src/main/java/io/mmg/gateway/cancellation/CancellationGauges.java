package io.mmg.gateway.cancellation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What cancellations leave to watch (docs/cancellation.md, docs/runbooks.md), across all instances, read from the
 * database at each scrape:
 * <ul>
 *   <li>gateway.payments.cancelled.waiting: cancelled payments whose provider has not said how they ended
 *       (the poller's partial index holds them);</li>
 *   <li>gateway.payments.refund.due: cancelled collections the customer paid after all that still hold money
 *       not refunded or being refunded. Above zero for more than a few poller ticks needs an operator.</li>
 * </ul>
 */
@Component
class CancellationGauges {

    static final String WAITING = "gateway.payments.cancelled.waiting";
    static final String REFUND_DUE = "gateway.payments.refund.due";

    CancellationGauges(MeterRegistry meters, JdbcTemplate jdbc) {
        Gauge.builder(WAITING, () -> jdbc.queryForObject(
                        "SELECT count(*) FROM payment WHERE provider_outcome = 'WAITING'", Long.class))
                .description("Cancelled payments still waiting for their provider's outcome")
                .register(meters);
        Gauge.builder(REFUND_DUE, () -> jdbc.queryForObject("""
                        SELECT count(*) FROM payment
                         WHERE status = 'CANCELLED' AND provider_outcome = 'SUCCESSFUL' AND type = 'COLLECTION'
                           AND payment_refunds_total(id) < amount""", Long.class))
                .description("Cancelled collections paid after all whose money is not refunded nor being refunded")
                .register(meters);
    }
}
