package io.mmg.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mmg.gateway.database.DatabaseFailures;
import io.mmg.gateway.database.DatabaseSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the exception caught by a route's onException into the gateway's error format.
 * A database that cannot serve now is a 503 SERVICE_UNAVAILABLE that says whether this request stored a
 * payment, logged as one line. Other unexpected exceptions become a plain 500 INTERNAL_ERROR: the stack
 * trace goes to the log, never to the caller.
 */
@Component("apiErrors")
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final JsonReplies replies;
    private final String retryAfterSeconds;

    public ApiErrors(JsonReplies replies, DatabaseSettings database) {
        this.replies = replies;
        this.retryAfterSeconds = String.valueOf(Math.max(1, database.retryAfter().toSeconds()));
    }

    public void reply(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiException api = Failures.find(caught, ApiException.class).orElse(null);
        if (api != null) {
            replies.replyError(exchange, api.code(), api.getMessage(), inCallerTerms(exchange, api.details()));
        } else if (isUnstorableText(caught)) {
            replies.replyError(exchange, ErrorCode.INVALID_REQUEST,
                    "The request contains the NUL character (\\u0000), which the gateway cannot store", Map.of());
        } else if (Failures.find(caught, JsonProcessingException.class).isPresent()) {
            replies.replyError(exchange, ErrorCode.INVALID_REQUEST, "The request body is not valid JSON", Map.of());
        } else if (DatabaseFailures.isUnavailable(caught)) {
            databaseUnavailable(exchange, caught);
        } else {
            log.error("Unexpected failure in route {}", exchange.getFromRouteId(), caught);
            replies.replyError(exchange, ErrorCode.INTERNAL_ERROR,
                    "The gateway could not process the request; it has been logged", Map.of());
        }
    }

    private void databaseUnavailable(Exchange exchange, Throwable caught) {
        Object paymentId = exchange.getProperty(ExchangeProperties.STORED_PAYMENT_ID);
        log.warn("Database unavailable in route {} ({}): {}", exchange.getFromRouteId(),
                paymentId == null ? "no payment stored" : "payment " + paymentId + " stored",
                DatabaseFailures.describe(caught));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentStored", paymentId != null);
        if (paymentId != null) {
            details.put("paymentId", paymentId.toString());
        }
        String message = paymentId == null
                ? "The gateway's database is unavailable; this request stored nothing. Retry later, with the same Idempotency-Key"
                : "The gateway's database became unavailable after the payment was stored; the gateway follows it to "
                        + "its final state. Ask for it by id, or retry with the same Idempotency-Key";
        replies.replyError(exchange, ErrorCode.SERVICE_UNAVAILABLE, message, details);
        exchange.getMessage().setHeader("Retry-After", retryAfterSeconds);
    }

    private static Map<String, Object> inCallerTerms(Exchange exchange, Map<String, Object> details) {
        Map<?, ?> callerNames = exchange.getProperty(ExchangeProperties.CALLER_FIELD_NAMES, Map.class);
        Object field = details.get("field");
        if (callerNames == null || field == null || !callerNames.containsKey(field)) {
            return details;
        }
        Map<String, Object> translated = new LinkedHashMap<>(details);
        translated.put("field", callerNames.get(field));
        return translated;
    }

    /**
     * PostgreSQL refuses the NUL character in text (22021) and jsonb (22P05). The request bodies are checked for it
     * (JsonBodies), so this is the net under what is not: a query parameter, a callback body, a route file's own.
     */
    private static boolean isUnstorableText(Throwable caught) {
        return Failures.find(caught, java.sql.SQLException.class)
                .map(java.sql.SQLException::getSQLState)
                .filter(state -> state.equals("22021") || state.equals("22P05"))
                .isPresent();
    }
}
