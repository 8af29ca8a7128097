package io.mmg.gateway.live;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The current state of a payment as stored: what a subscriber gets first, and again after a lost notification. */
@Component
public class PaymentStates {

    private static final String CURRENT = """
            SELECT p.status, p.reason, p.updated_at,
                   COALESCE((SELECT max(e.id) FROM payment_event e WHERE e.payment_id = p.id), 0) AS version
              FROM payment p WHERE p.id = ?""";

    private final JdbcTemplate jdbc;

    public PaymentStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaymentUpdate> current(UUID paymentId) {
        List<PaymentUpdate> rows = jdbc.query(CURRENT, (row, i) -> new PaymentUpdate(paymentId, row.getString("status"),
                row.getString("reason"), row.getTimestamp("updated_at").toInstant(),
                row.getLong("version")), paymentId);
        return rows.stream().findFirst();
    }
}
