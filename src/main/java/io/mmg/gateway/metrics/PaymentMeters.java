package io.mmg.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mmg.gateway.payment.PaymentStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * gateway.payments.initiated (provider, product, type) and gateway.payments.finished (the same and the final status),
 * counted from the rows the storing and status-changing statements return, so a payment is counted once: a replayed
 * Idempotency-Key stores nothing, and a status change that did not apply (already final) returns no row.
 */
@Component
class PaymentMeters {

    // Not "created": Prometheus keeps a _created suffix for its own timestamps and would drop it from the name.
    static final String CREATED = "gateway.payments.initiated";
    static final String FINISHED = "gateway.payments.finished";

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    PaymentMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A row of insert-payment.sql or insert-refund.sql: counted when a payment was stored (it has a status). */
    void stored(Map<?, ?> row) {
        if (row.get("id") != null && "PENDING".equals(row.get("status"))) {
            counter(CREATED, "Payments stored, before any provider call", row, null).increment();
        }
    }

    /**
     * A row of apply-status.sql, record-initiation.sql, resolve-payment.sql or cancel-payment.sql: counted when it made the payment
     * final. Those statements return a row only for a payment that was open (record-initiation.sql: says whether
     * its status changed).
     */
    void changed(Map<?, ?> row) {
        Object status = row.get("status");
        Object previous = row.get("previous_status");
        if (status == null || previous == null || Boolean.FALSE.equals(row.get("status_changed"))) {
            return;
        }
        if (PaymentStatus.valueOf(status.toString()).isFinal() && PaymentStatus.valueOf(previous.toString()).isOpen()) {
            counter(FINISHED, "Payments that reached a final status", row, status.toString()).increment();
        }
    }

    private Counter counter(String name, String description, Map<?, ?> row, String status) {
        String provider = String.valueOf(row.get("provider"));
        String product = String.valueOf(row.get("product"));
        String type = String.valueOf(row.get("type"));
        String key = name + '|' + provider + '|' + product + '|' + type + '|' + status;
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).description(description)
                    .tags("provider", provider, "product", product, "type", type);
            return (status == null ? builder : builder.tag("status", status)).register(meters);
        });
    }
}
