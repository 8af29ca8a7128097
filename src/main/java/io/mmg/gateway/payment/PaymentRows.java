package io.mmg.gateway.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Maps the rows camel-sql returns (column name to JDBC value) to {@link Payment}. */
@Component("paymentRows")
public class PaymentRows {

    public Payment toPayment(Map<String, Object> row) {
        return new Payment(
                (UUID) row.get("id"),
                (UUID) row.get("client_id"),
                PaymentType.valueOf((String) row.get("type")),
                Provider.valueOf((String) row.get("provider")),
                (String) row.get("product"),
                PaymentStatus.valueOf((String) row.get("status")),
                (BigDecimal) row.get("amount"),
                trimmed(row.get("currency")),
                trimmed(row.get("country")),
                (String) row.get("phone_number"),
                (String) row.get("external_id"),
                (String) row.get("payer_message"),
                (String) row.get("payee_note"),
                text(row.get("metadata")),
                (String) row.get("request_hash"),
                row.get("response_code") == null ? null : ((Number) row.get("response_code")).intValue(),
                (String) row.get("reason"),
                (String) row.get("error_message"),
                (String) row.get("provider_reason"),
                (String) row.get("provider_reference"),
                (String) row.get("financial_transaction_id"),
                (UUID) row.get("original_payment_id"),
                row.get("poll_attempts") == null ? 0 : ((Number) row.get("poll_attempts")).intValue(),
                instant(row.get("next_poll_at")),
                instant(row.get("created_at")),
                instant(row.get("updated_at")),
                instant(row.get("completed_at")),
                (String) row.get("provider_operation"),
                (BigDecimal) row.get("refunded_amount"),
                (String) row.get("provider_outcome"));
    }

    public List<Payment> toPayments(List<Map<String, Object>> rows) {
        return rows.stream().map(this::toPayment).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }

    private static String trimmed(Object value) {
        return value == null ? null : value.toString().trim();
    }

    /** jsonb arrives as a driver object (PGobject); its text is the JSON. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
