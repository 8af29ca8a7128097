package io.mmg.gateway.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.Failures;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.CallbackSecrets;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentRows;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Authenticates provider callbacks. They carry no API key and providers do not sign them
 * (docs/providers.md#mtn-callbacks, #daraja-stk-callback), so the callback URL we gave carries the payment id and a per-payment
 * secret; only its SHA-256 is stored. Unknown payment or wrong secret: rejected and logged.
 */
@Component("providerCallbacks")
public class ProviderCallbacks implements CallbackSecrets {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallbacks.class);

    private final PaymentRows rows;
    private final JsonReplies replies;
    private final ObjectMapper json;

    public ProviderCallbacks(PaymentRows rows, JsonReplies replies, ObjectMapper json) {
        this.rows = rows;
        this.replies = replies;
        this.json = json;
    }

    /** A new payment's callback secret: random, hex so that it is safe in any URL (Secrets.urlToken). */
    @Override
    public Issued issue() {
        String token = Secrets.urlToken();
        return new Issued(token, Secrets.sha256(token));
    }

    /** Parameters for select-payment-for-callback.sql from the {paymentId} path parameter. */
    public Map<String, Object> lookup(String paymentId) {
        try {
            return Map.of("id", UUID.fromString(paymentId));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw rejected("malformed payment id");
        }
    }

    /**
     * The first parameters of apply-callback.sql: the payment id, the hash of the callback's secret and the provider,
     * all conditions of its update. Null when the path cannot name a payment or carries no secret: such a callback
     * is read and answered the usual way (lookup, authenticate), which rejects it.
     */
    public Map<String, Object> atOnce(String paymentId, String token, String provider) {
        if (token == null || paymentId == null) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("tokenHash", Secrets.sha256(token));
        params.put("provider", provider);
        return params;
    }

    /** Whether apply-callback.sql applied the callback (it returns the payment's row only then). */
    public boolean applied(Object rows) {
        return rows instanceof java.util.Collection<?> list && !list.isEmpty();
    }

    /** The payment the callback is for, once its secret has been checked. */
    public Payment authenticate(Map<String, Object> row, String token, String provider) {
        return authenticateWith(row, token, provider, "callback_token_hash");
    }

    /** The same, against another stored secret hash (M-Pesa transaction status results: status_token_hash). */
    public Payment authenticateWith(Map<String, Object> row, String token, String provider, String hashColumn) {
        if (row == null || row.isEmpty()) {
            throw rejected("unknown payment");
        }
        String storedHash = (String) row.get(hashColumn);
        if (token == null || !Secrets.constantTimeEquals(storedHash, Secrets.sha256(token))) {
            log.warn("Rejected a {} callback for payment {}: wrong token", provider, row.get("id"));
            throw rejected("wrong token");
        }
        return rows.toPayment(row);
    }

    /** Parameters for insert-payment-event.sql recording a rejected callback. */
    public Map<String, Object> rejectionEvent(Exchange exchange, String provider) {
        CallbackMismatchException mismatch = Failures.find(
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class), CallbackMismatchException.class)
                .orElseThrow();
        log.warn("Rejected a {} callback for payment {}: {}", provider, mismatch.paymentId(), mismatch.getMessage());
        Map<String, Object> params = new HashMap<>();
        params.put("id", mismatch.paymentId());
        params.put("type", "CALLBACK_REJECTED");
        params.put("reason", "CALLBACK_MISMATCH");
        params.put("source", "CALLBACK");
        params.put("details", write(mismatch.details()));
        return params;
    }

    /** 200 with a small JSON acknowledgement; providers only look at the status. */
    public void acknowledge(Exchange exchange) {
        replies.reply(exchange, 200, Map.of("status", "received"));
    }

    private ApiException rejected(String why) {
        return new ApiException(ErrorCode.CALLBACK_REJECTED, "Callback rejected: " + why);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
