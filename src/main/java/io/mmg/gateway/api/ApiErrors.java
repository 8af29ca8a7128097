package io.mmg.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private final JsonReplies replies;

    public ApiErrors(JsonReplies replies) {
        this.replies = replies;
    }

    public void reply(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiException api = Failures.find(caught, ApiException.class).orElse(null);
        if (api != null) {
            replies.replyError(exchange, api.code(), api.getMessage(), api.details());
        } else if (Failures.find(caught, JsonProcessingException.class).isPresent()) {
            replies.replyError(exchange, ErrorCode.INVALID_REQUEST, "The request body is not valid JSON", Map.of());
        } else {
            log.error("Unexpected failure in route {}", exchange.getFromRouteId(), caught);
            replies.replyError(exchange, ErrorCode.INTERNAL_ERROR,
                    "The gateway could not process the request; it has been logged", Map.of());
        }
    }
}
