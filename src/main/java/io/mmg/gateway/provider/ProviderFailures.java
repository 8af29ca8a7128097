package io.mmg.gateway.provider;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a failed provider call means for the payment, once retries are exhausted: either nothing
 * reached the provider (NOT_SENT: circuit open, bulkhead full, connection refused, credentials refused) or we
 * cannot know (UNKNOWN: timeout, reset, 5xx; or at once, for a request that must not be resent) and the
 * poller must find out. This judges one failure; {@link SendAttempts} keeps a payment UNKNOWN when an earlier
 * attempt may have reached the provider.
 */
@Component("providerFailures")
public class ProviderFailures {

    private static final Logger log = LoggerFactory.getLogger(ProviderFailures.class);
    private static final int SHORT_REASON = 160;

    public ProviderOutcome outcomeFor(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProviderOutcome outcome = outcomeFor(caught);
        Payment payment = exchange.getProperty(ExchangeProperties.PAYMENT, Payment.class);
        log.warn("Provider call failed for payment {} ({} {}) after {} attempt(s): {}, {}; outcome {}",
                payment == null ? "-" : payment.id(), payment == null ? "-" : payment.provider(),
                payment == null ? "-" : payment.product(), exchange.getProperty(ExchangeProperties.SEND_ATTEMPT, 1, Integer.class),
                outcome.providerReason(), shortReason(caught), outcome.kind());
        return outcome;
    }

    /**
     * The failure in a few words for a log line: the provider's own exception (or the I/O error) under the wrappers
     * Camel adds, its first line, at most {@value #SHORT_REASON} characters.
     */
    public static String shortReason(Throwable caught) {
        Throwable cause = rootOf(caught);
        if (cause == null) {
            return "unknown";
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
        String text = cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= SHORT_REASON ? text : text.substring(0, SHORT_REASON) + "...";
    }

    public static ProviderOutcome outcomeFor(Throwable caught) {
        Throwable cause = rootOf(caught);
        if (cause instanceof CallNotPermittedException) {
            return ProviderOutcome.notSent(FailureReason.PROVIDER_UNAVAILABLE, "CIRCUIT_OPEN");
        }
        if (cause instanceof BulkheadFullException) {
            // Refused before sending: the product already has its bound of calls in flight (ProviderBulkheads).
            return ProviderOutcome.notSent(FailureReason.PROVIDER_UNAVAILABLE, "BULKHEAD_FULL");
        }
        if (cause instanceof ProviderConfigurationException config) {
            return ProviderOutcome.notSent(config.reason(), config.providerReason());
        }
        if (cause instanceof OutcomeUnknownException unknown) {
            return ProviderOutcome.unknown(unknown.providerReason());
        }
        if (cause instanceof RetryableProviderException retryable) {
            return retryable.maybeReceived()
                    ? ProviderOutcome.unknown(retryable.providerReason())
                    : ProviderOutcome.notSent(FailureReason.PROVIDER_UNAVAILABLE, retryable.providerReason());
        }
        if (neverConnected(cause)) {
            return ProviderOutcome.notSent(FailureReason.PROVIDER_UNAVAILABLE, "CONNECTION_FAILED");
        }
        return ProviderOutcome.unknown(cause == null ? "UNKNOWN" : cause.getClass().getSimpleName());
    }

    /** The connection was never made, so the request cannot have reached the provider. */
    public static boolean neverConnected(Throwable cause) {
        return cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException
                || cause instanceof ConnectTimeoutException;
    }

    private static Throwable rootOf(Throwable caught) {
        Throwable current = caught;
        while (current != null && !(current instanceof IOException)
                && !(current instanceof CallNotPermittedException)
                && !(current instanceof BulkheadFullException)
                && !(current instanceof ProviderConfigurationException)
                && !(current instanceof RetryableProviderException)
                && !(current instanceof OutcomeUnknownException)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
