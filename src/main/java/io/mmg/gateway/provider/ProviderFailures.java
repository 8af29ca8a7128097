package io.mmg.gateway.provider;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.mmg.gateway.payment.FailureReason;
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

    public ProviderOutcome outcomeFor(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProviderOutcome outcome = outcomeFor(caught);
        log.warn("Provider call for route {} failed ({}): {}", exchange.getFromRouteId(), outcome.kind(),
                caught == null ? "unknown" : caught.getClass().getSimpleName() + ": " + caught.getMessage());
        return outcome;
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
