package io.mmg.gateway.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A claimed delivery (a row of claim-webhook-deliveries.sql): which event, its body once fixed, the attempt
 * being made under which lease, and where and with which secrets to send it (null url: no endpoint any more).
 * Secrets are left out of {@link #toString()} so that no log line can carry them.
 */
public record WebhookDelivery(UUID id, UUID clientId, UUID paymentId, String eventType, Instant createdAt,
                              String payload, int attempt, Instant firstAttemptAt, UUID leaseToken,
                              String url, String secret, String previousSecret) {

    /** A claimed row; {@code decrypt} reads its stored secrets (SecretCipher). */
    static WebhookDelivery of(Map<String, Object> row, UnaryOperator<String> decrypt) {
        return new WebhookDelivery((UUID) row.get("id"), (UUID) row.get("client_id"), (UUID) row.get("payment_id"),
                (String) row.get("event_type"), ((Timestamp) row.get("created_at")).toInstant(),
                (String) row.get("payload"), ((Number) row.get("attempts")).intValue(),
                ((Timestamp) row.get("first_attempt_at")).toInstant(), (UUID) row.get("lease_token"),
                (String) row.get("url"), decrypt.apply((String) row.get("secret")),
                decrypt.apply((String) row.get("previous_secret")));
    }

    WebhookDelivery withPayload(String fixedPayload) {
        return new WebhookDelivery(id, clientId, paymentId, eventType, createdAt, fixedPayload, attempt, firstAttemptAt,
                leaseToken, url, secret, previousSecret);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[id=" + id + ", eventType=" + eventType + ", attempt=" + attempt + "]";
    }
}
