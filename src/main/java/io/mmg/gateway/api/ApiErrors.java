package io.mmg.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the exception caught by a route's onException into the gateway's error format.
 * Unexpected exceptions become a plain 500 INTERNAL_ERROR: the stack trace goes to the log, never
 * to the caller.
 */
@Component("apiErrors")
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    /**
     * Exchange property set by an adapter of another API (compat routes): the gateway's field names to the
     * caller's, so that {@code details.field} of an error names the field the caller sent.
     */
    public static final String CALLER_FIELD_NAMES = "callerFieldNames";

    private final JsonReplies replies;

    public ApiErrors(JsonReplies replies) {
        this.replies = replies;
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
        } else {
            log.error("Unexpected failure in route {}", exchange.getFromRouteId(), caught);
            replies.replyError(exchange, ErrorCode.INTERNAL_ERROR,
                    "The gateway could not process the request; it has been logged", Map.of());
        }
    }

    private static Map<String, Object> inCallerTerms(Exchange exchange, Map<String, Object> details) {
        Map<?, ?> callerNames = exchange.getProperty(CALLER_FIELD_NAMES, Map.class);
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
