package io.mmg.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of what waits in the database, the same for every instance: open payments due for a poll and the age of
 * the oldest (poller lag), payments in review, the webhook outbox and its lag, and the rows of payout batches not
 * yet finished by state. Read when Prometheus scrapes, never on a request: two statements on partial indexes,
 * at most once per gateway.metrics.database-refresh however often and from however many scrapers, each bounded
 * by a 2-second query timeout. While the database does not answer the gauges are NaN.
 */
@Component
class DatabaseGauges {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);
    /** The batch row states (V40); rows of batches that are still VALIDATING, AWAITING_APPROVAL, PROCESSING or PAUSED. */
    private static final String[] ROW_STATES = {"INVALID", "VALID", "SUBMITTED", "REFUSED", "SKIPPED"};
    private static final String QUEUES = """
            SELECT (SELECT count(*) FROM payment
                     WHERE status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') AND next_poll_at <= now()) AS poll_due,
                   (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(next_poll_at)), 0) FROM payment
                     WHERE status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') AND next_poll_at <= now()) AS poll_lag,
                   (SELECT count(*) FROM payment WHERE status = 'NEEDS_REVIEW') AS needs_review,
                   (SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING') AS webhooks_pending,
                   (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at)), 0) FROM webhook_delivery
                     WHERE status = 'PENDING' AND next_attempt_at <= now()) AS webhooks_lag
            """;
    private static final String BATCH_ROWS = """
            SELECT i.status, count(*) AS rows
              FROM disbursement_batch b JOIN disbursement_batch_item i ON i.batch_id = b.id
             WHERE b.status IN ('VALIDATING', 'AWAITING_APPROVAL', 'PROCESSING', 'PAUSED')
             GROUP BY i.status
            """;

    private final JdbcTemplate jdbc;
    private final long refreshNanos;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), 0);

    DatabaseGauges(MeterRegistry meters, DataSource dataSource,
                   @Value("${gateway.metrics.database-refresh}") Duration refresh) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(2);
        this.refreshNanos = refresh.toNanos();
        gauge(meters, "gateway.poller.due", null, "Open payments due for a status query now", v -> v.get("poll_due"));
        gauge(meters, "gateway.poller.lag", "seconds", "How long the oldest payment due for a status query has waited",
                v -> v.get("poll_lag"));
        gauge(meters, "gateway.payments.needs.review", null,
                "Payments in NEEDS_REVIEW: open, not settled by the gateway, waiting for an operator",
                v -> v.get("needs_review"));
        gauge(meters, "gateway.webhooks.backlog", null, "Webhook deliveries not yet delivered or given up (PENDING)",
                v -> v.get("webhooks_pending"));
        gauge(meters, "gateway.webhooks.lag", "seconds", "How long the oldest webhook delivery due has waited",
                v -> v.get("webhooks_lag"));
        for (String state : ROW_STATES) {
            Gauge.builder("gateway.batch.rows", this, g -> g.read(v -> v.getOrDefault("rows:" + state, 0.0)))
                    .description("Rows of payout batches not yet finished, by state")
                    .tag("state", state)
                    .register(meters);
        }
    }

    private void gauge(MeterRegistry meters, String name, String unit, String description,
                       ToDoubleFunction<Map<String, Double>> value) {
        Gauge.builder(name, this, g -> g.read(value)).description(description).baseUnit(unit).register(meters);
    }

    private double read(ToDoubleFunction<Map<String, Double>> value) {
        Snapshot current = fresh();
        return current.values().isEmpty() ? Double.NaN : value.applyAsDouble(current.values());
    }

    /** The last snapshot while it is young enough, else a new one; one scrape at a time reads the database. */
    private Snapshot fresh() {
        Snapshot current = snapshot;
        if (current.takenAt() != 0 && System.nanoTime() - current.takenAt() < refreshNanos) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (current.takenAt() == 0 || System.nanoTime() - current.takenAt() >= refreshNanos) {
                current = new Snapshot(query(), System.nanoTime());
                snapshot = current;
            }
            return current;
        }
    }

    private Map<String, Double> query() {
        try {
            Map<String, Double> values = new HashMap<>();
            jdbc.queryForMap(QUEUES).forEach((name, value) -> values.put(name, ((Number) value).doubleValue()));
            jdbc.query(BATCH_ROWS, row -> {
                values.put("rows:" + row.getString("status"), (double) row.getLong("rows"));
            });
            return values;
        } catch (RuntimeException e) {
            log.debug("Database gauges not read: {}", e.toString());
            return Map.of();
        }
    }

    private record Snapshot(Map<String, Double> values, long takenAt) {
    }
}
