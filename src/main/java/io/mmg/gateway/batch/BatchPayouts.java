package io.mmg.gateway.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.PaymentRequest;
import io.mmg.gateway.provider.SharedTokenBucket;
import io.mmg.gateway.security.AuthenticatedClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pays the claimed rows of payout batches through the normal payment lifecycle (direct:initiate-payment),
 * at the configured rate. A row's payment id is fixed and stored before the payment is created, so a
 * crash at any point can never give a row a second payment: the next claim finds the payment and follows it.
 * When the provider cannot be reached (circuit open, outage) the batch pauses and the row waits.
 */
@Component("batchPayouts")
public class BatchPayouts {

    private static final Logger log = LoggerFactory.getLogger(BatchPayouts.class);
    /** A payment that failed because nothing could be sent: the row is tried again after the pause. */
    private static final List<String> NOT_SENT = List.of(FailureReason.PROVIDER_UNAVAILABLE.name(),
            FailureReason.PROVIDER_AUTHENTICATION_FAILED.name(), FailureReason.PROVIDER_REJECTED_REQUEST.name());

    private final JdbcTemplate jdbc;
    private final ProducerTemplate producer;
    private final PayoutRowValidator validator;
    private final BatchSettings settings;
    private final ObjectMapper json;
    private final SharedTokenBucket pace;

    public BatchPayouts(JdbcTemplate jdbc, @Lazy ProducerTemplate producer, PayoutRowValidator validator,
                        BatchSettings settings, ObjectMapper json) {
        this.jdbc = jdbc;
        this.producer = producer;
        this.validator = validator;
        this.settings = settings;
        this.json = json;
        // Every instance's worker pays rows at once, so the rate is counted in the database, for all of them.
        this.pace = new SharedTokenBucket(jdbc, "batch-payouts", settings.ratePerSecond(), SharedTokenBucket.SYSTEM);
    }

    /** claim-batch-items.sql: about one second of work at the configured rate, leased to this instance. */
    public Map<String, Object> claimParams() {
        return Map.of("limit", Math.max(1, (int) Math.ceil(settings.ratePerSecond())),
                "leaseSeconds", Math.max(1, settings.lease().toSeconds()));
    }

    public void pay(Map<String, Object> item) {
        long itemId = ((Number) item.get("id")).longValue();
        UUID batchId = (UUID) item.get("batch_id");
        if (!"PROCESSING".equals(batchStatus(batchId))) {
            release(itemId);   // paused or cancelled since the claim
            return;
        }
        // The claim fixed the payment id (claim-batch-items.sql); a payment with it exists only if an earlier
        // claim created it, and may have sent it: follow that payment, never send another.
        UUID paymentId = (UUID) item.get("payment_id");
        if (Boolean.TRUE.equals(item.get("payment_exists"))) {
            markSubmitted(itemId);
            return;
        }
        PayoutRowValidator.Verdict verdict = validator.validate(row(item));
        if (!verdict.isValid()) {
            refuse(itemId, verdict.errorCode(), verdict.errorMessage());
            return;
        }
        pace.acquire();
        Exchange answer = send(verdict.request(), (UUID) item.get("client_id"), paymentId);
        settle(itemId, batchId, paymentId, answer);
    }

    private Exchange send(PaymentRequest request, UUID clientId, UUID paymentId) {
        return producer.send("direct:initiate-payment", exchange -> {
            exchange.setProperty(ExchangeProperties.CLIENT, new AuthenticatedClient(clientId, "payout batch"));
            exchange.setProperty(ExchangeProperties.REQUEST, request);
            exchange.setProperty(ExchangeProperties.PRESET_PAYMENT_ID, paymentId);
        });
    }

    private void settle(long itemId, UUID batchId, UUID paymentId, Exchange answer) {
        // Most rows: the payment exists and was sent, or may have been; one statement checks and marks the row.
        int submitted = jdbc.update("""
                UPDATE disbursement_batch_item SET status = 'SUBMITTED', claimed_until = NULL
                 WHERE id = ? AND EXISTS (SELECT 1 FROM payment p WHERE p.id = ?
                                             AND NOT (p.status = 'FAILED' AND p.reason = ANY (?)))""",
                itemId, paymentId, NOT_SENT.toArray(String[]::new));
        if (submitted == 1) {
            return;
        }
        List<Map<String, Object>> payment = jdbc.queryForList("SELECT status, reason FROM payment WHERE id = ?", paymentId);
        if (payment.isEmpty()) {
            JsonNode error = errorOf(answer);
            refuse(itemId, error.path("code").asText("INTERNAL_ERROR"), error.path("error").asText("The payment was refused"));
            return;
        }
        Map<String, Object> row = payment.get(0);
        if ("FAILED".equals(row.get("status")) && NOT_SENT.contains((String) row.get("reason"))) {
            pause(batchId, itemId, (String) row.get("reason"));
            return;
        }
        markSubmitted(itemId);
    }

    private void pause(UUID batchId, long itemId, String reason) {
        jdbc.update("""
                UPDATE disbursement_batch SET status = 'PAUSED', status_reason = ?,
                       paused_until = now() + make_interval(secs => ?)
                 WHERE id = ? AND status = 'PROCESSING'""",
                "Provider unavailable (" + reason + "); resumes by itself", settings.pauseOnOutage().toSeconds(), batchId);
        // The not-sent payment stays FAILED in the history; the row gets a new payment next time.
        jdbc.update("UPDATE disbursement_batch_item SET payment_id = NULL, claimed_until = NULL WHERE id = ?", itemId);
        log.warn("Payout batch {} paused for {}: {}", batchId, settings.pauseOnOutage(), reason);
    }

    private void markSubmitted(long itemId) {
        jdbc.update("UPDATE disbursement_batch_item SET status = 'SUBMITTED', claimed_until = NULL WHERE id = ?", itemId);
    }

    private void refuse(long itemId, String code, String message) {
        jdbc.update("""
                UPDATE disbursement_batch_item SET status = 'REFUSED', error_code = ?, error_message = ?, claimed_until = NULL
                 WHERE id = ?""", code, message, itemId);
    }

    private void release(long itemId) {
        jdbc.update("UPDATE disbursement_batch_item SET claimed_until = NULL WHERE id = ?", itemId);
    }

    private String batchStatus(UUID batchId) {
        return jdbc.queryForObject("SELECT status FROM disbursement_batch WHERE id = ?", String.class, batchId);
    }

    private JsonNode errorOf(Exchange answer) {
        try {
            String body = answer.getMessage().getBody(String.class);
            return json.readTree(body == null ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static PayoutRow row(Map<String, Object> item) {
        return new PayoutRow(((Number) item.get("row_number")).intValue(), (String) item.get("external_id"),
                (String) item.get("phone_number"), (String) item.get("amount"), (String) item.get("currency"),
                (String) item.get("provider"), (String) item.get("narration"));
    }
}
