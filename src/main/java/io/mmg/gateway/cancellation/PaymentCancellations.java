package io.mmg.gateway.cancellation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiErrors;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.Failures;
import io.mmg.gateway.api.JsonBodies;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.PaymentJson;
import io.mmg.gateway.payment.PaymentLookups;
import io.mmg.gateway.payment.PaymentRows;
import io.mmg.gateway.security.AuthenticatedClient;
import io.mmg.gateway.security.Secrets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * POST /payments/{id}/cancel (routes/cancellation.yaml, docs/cancellation.md): reads the request, and after
 * cancel-payment.sql says what happened: cancelled now, a replay of an earlier cancellation with the same
 * Idempotency-Key, or why not (another merchant's or no payment, already final, a payout that may have left).
 */
@Component("paymentCancellations")
public class PaymentCancellations {

    static final int MAX_NOTE = 160;
    private static final String REPLAYED = "cancellationReplayed";

    private final ObjectMapper json;
    private final JsonReplies replies;
    private final PaymentRows rows;
    private final PaymentJson paymentJson;
    private final JdbcTemplate jdbc;
    private final ApiErrors apiErrors;

    public PaymentCancellations(ObjectMapper json, JsonReplies replies, PaymentRows rows, PaymentJson paymentJson,
                                JdbcTemplate jdbc, ApiErrors apiErrors) {
        this.apiErrors = apiErrors;
        this.json = json;
        this.replies = replies;
        this.rows = rows;
        this.paymentJson = paymentJson;
        this.jdbc = jdbc;
    }

    /** cancel-payment.sql: the payment of the {id} path parameter, the optional note and the request's hash. */
    public Map<String, Object> params(Exchange exchange) {
        UUID id = PaymentLookups.parseId(exchange.getMessage().getHeader("id", String.class));
        String note = note(exchange.getMessage().getBody(String.class));
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("clientId", client(exchange).id());
        params.put("idempotencyKey", exchange.getProperty(ExchangeProperties.IDEMPOTENCY_KEY, String.class));
        params.put("requestHash", requestHash(id, note));
        params.put("note", note);
        return params;
    }

    /** Body: none, or {"note": at most 160 characters}. */
    String note(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode root = JsonBodies.object(json, body);
        JsonBodies.rejectUnknownFields(root, Set.of("note"));
        JsonNode note = root.get("note");
        if (note == null || note.isNull()) {
            return null;
        }
        if (!note.isTextual()) {
            throw ApiException.invalidField("note", "note must be a string");
        }
        String text = note.asText();
        if (text.length() > MAX_NOTE || text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("note", "note must be at most " + MAX_NOTE
                    + " characters, without control characters");
        }
        return text.isBlank() ? null : text;
    }

    /** After cancel-payment.sql: returns when the payment is (now, or by this key earlier) cancelled; else says why not. */
    public void judge(Exchange exchange, Map<String, Object> row, Map<String, Object> params) {
        if (Boolean.TRUE.equals(row.get("cancelled"))) {
            return;
        }
        UUID id = (UUID) params.get("id");
        String key = (String) params.get("idempotencyKey");
        if (key != null && row.get("key_payment_id") != null) {
            replayOrRefuse(exchange, id, params, (UUID) row.get("key_payment_id"), (String) row.get("key_request_hash"));
            return;
        }
        String status = (String) row.get("found_status");
        if (status == null) {
            throw new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No payment with this id", Map.of("id", id.toString()));
        }
        if (key != null && "CANCELLED".equals(status)) {
            // A twin request with the same key may have cancelled it while this one waited for the row lock.
            List<Map<String, Object>> twin = jdbc.queryForList("SELECT payment_id, request_hash FROM payment_cancellation "
                    + "WHERE client_id = ? AND idempotency_key = ?", params.get("clientId"), key);
            if (!twin.isEmpty()) {
                replayOrRefuse(exchange, id, params, (UUID) twin.get(0).get("payment_id"),
                        (String) twin.get(0).get("request_hash"));
                return;
            }
        }
        if (!List.of("PENDING", "UNKNOWN", "NEEDS_REVIEW").contains(status)) {
            throw new ApiException(ErrorCode.PAYMENT_ALREADY_FINAL, "The payment is " + status
                    + " already; a final payment cannot be cancelled", Map.of("id", id.toString(), "status", status));
        }
        throw payoutSent(id, status, (String) row.get("found_type"));
    }

    /**
     * cancel-payment.sql failed; answers in the error format (a doCatch is not covered by the route's api-errors).
     * The unique index on the cancellation's key (SQL state 23505) refused a twin request about another payment:
     * the key is taken. Anything else is answered as api-errors would (503 when the database is down).
     */
    public void failed(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        boolean keyTaken = Failures.find(caught, SQLException.class)
                .map(SQLException::getSQLState).filter("23505"::equals).isPresent();
        if (keyTaken) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for another cancellation request", Map.of("header", "Idempotency-Key")));
        }
        apiErrors.reply(exchange);
    }

    private void replayOrRefuse(Exchange exchange, UUID id, Map<String, Object> params, UUID keyPayment, String keyHash) {
        if (id.equals(keyPayment) && params.get("requestHash").equals(keyHash)) {
            exchange.setProperty(REPLAYED, true);
            return;
        }
        throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was used for another cancellation request", Map.of("header", "Idempotency-Key"));
    }

    private static ApiException payoutSent(UUID id, String status, String type) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", id.toString());
        details.put("status", status);
        details.put("type", type);
        String what = "REFUND".equals(type) ? "refund" : "payout";
        return new ApiException(ErrorCode.PAYOUT_ALREADY_SENT, "This " + what + " has been sent to the provider, which "
                + "cannot take it back; it ends by itself (SUCCESSFUL or FAILED). Only collections, and payouts not "
                + "sent yet, can be cancelled", details);
    }

    /** 200 with the payment as it now is (a row of select-payment.sql). */
    public void reply(Exchange exchange, Map<String, Object> row) {
        replies.reply(exchange, 200, paymentJson.render(rows.toPayment(row)));
        if (Boolean.TRUE.equals(exchange.getProperty(REPLAYED))) {
            exchange.getMessage().setHeader("Idempotent-Replayed", "true");
        }
    }

    static String requestHash(UUID id, String note) {
        return Secrets.sha256(String.join("|", "CANCEL", id.toString(), note == null ? "" : note));
    }

    private static AuthenticatedClient client(Exchange exchange) {
        return exchange.getProperty(ExchangeProperties.CLIENT, AuthenticatedClient.class);
    }
}
