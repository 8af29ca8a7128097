package io.mmg.gateway.provider;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.Failures;
import io.mmg.gateway.api.JsonReplies;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A provider query (balance, account holder) that got no answer: 502 PROVIDER_ERROR when the provider
 * refused the gateway's own setup (credentials, IP, target environment), 503 PROVIDER_UNAVAILABLE otherwise
 * (unreachable, 5xx, circuit open). Nothing is stored, so nothing else is to be done.
 */
@Component("providerQueryFailures")
public class ProviderQueryFailures {

    private static final Logger log = LoggerFactory.getLogger(ProviderQueryFailures.class);

    private final JsonReplies replies;

    public ProviderQueryFailures(JsonReplies replies) {
        this.replies = replies;
    }

    /** The failure as the error format's code, message and details. */
    public record Failure(ErrorCode code, String message, Map<String, Object> details) {
    }

    /** onException of the provider-query-errors route configuration. */
    public void reply(Exchange exchange) {
        Failure failure = describe(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        log.warn("Provider query in route {} failed: {} {}", exchange.getFromRouteId(), failure.code(),
                failure.details().get("providerReason"));
        replies.replyError(exchange, failure.code(), failure.message(), failure.details());
    }

    public static Failure describe(Throwable caught) {
        Map<String, Object> details = new LinkedHashMap<>();
        var configuration = Failures.find(caught, ProviderConfigurationException.class);
        if (configuration.isPresent()) {
            details.put("providerReason", configuration.get().providerReason());
            return new Failure(ErrorCode.PROVIDER_ERROR, "The provider refused the gateway's request: "
                    + configuration.get().getMessage(), details);
        }
        String reason = Failures.find(caught, CallNotPermittedException.class).isPresent() ? "CIRCUIT_OPEN"
                : Failures.find(caught, RetryableProviderException.class)
                        .map(RetryableProviderException::providerReason)
                        .orElse(ProviderFailures.outcomeFor(caught).providerReason());
        details.put("providerReason", reason);
        return new Failure(ErrorCode.PROVIDER_UNAVAILABLE, "The provider could not answer now; try again later",
                details);
    }
}
