package io.mmg.gateway.provider;

import io.mmg.gateway.api.ExchangeProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maybe sent means UNKNOWN (docs/developing.md#maybe-sent-means-unknown): once any attempt of a payment request may have reached the provider, the
 * payment can only become UNKNOWN (202, its Idempotency-Key kept, the poller finds out), whatever later attempts
 * say about themselves. The last failure alone does not tell: a retry turned away by an open circuit sent nothing,
 * but the attempt before it may have arrived and lost its answer.
 * <p>
 * Durably, payment.send_attempts counts the attempts that were or may have been sent (V81): the statement that
 * stores the payment counts the first, count-send-attempt.sql each resend before it leaves, so a request that dies
 * at any point leaves an open payment the poller asks its provider about. Within the request, exchange property
 * {@value ExchangeProperties#PROVIDER_MAYBE_RECEIVED} remembers whether a failed attempt may have arrived: this bean is the
 * {@code onExceptionOccurred} processor of the provider-retries configuration, so it sees every failed attempt.
 */
@Component("sendAttempts")
public class SendAttempts implements Processor {

    private static final Logger log = LoggerFactory.getLogger(SendAttempts.class);

    /** At the start of each attempt (first or retry): its number, also kept as {@value ExchangeProperties#SEND_ATTEMPT}. */
    public int next(Exchange exchange) {
        int attempt = exchange.getProperty(ExchangeProperties.SEND_ATTEMPT, 0, Integer.class) + 1;
        exchange.setProperty(ExchangeProperties.SEND_ATTEMPT, attempt);
        return attempt;
    }

    /**
     * After count-send-attempt.sql: a payment that is no longer open (a callback or the poller settled it while
     * this request waited to resend) is not sent again; its outcome is what the provider already said.
     */
    public void requireStillOpen(Integer updatedRows) {
        if (updatedRows == null || updatedRows == 0) {
            throw new OutcomeUnknownException("SETTLED_BEFORE_RESEND",
                    "The payment was settled while its request waited to be sent again; it is not sent again");
        }
    }

    /** Every failed attempt: notes whether it may have reached the provider (anything but provably not sent). */
    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProviderOutcome attempt = ProviderFailures.outcomeFor(failure);
        log.debug("Provider call attempt {} failed: {}, {}", exchange.getProperty(ExchangeProperties.SEND_ATTEMPT, 1, Integer.class),
                attempt.providerReason(), ProviderFailures.shortReason(failure));
        if (attempt.kind() != ProviderOutcome.Kind.NOT_SENT && exchange.getProperty(ExchangeProperties.PROVIDER_MAYBE_RECEIVED) == null) {
            exchange.setProperty(ExchangeProperties.PROVIDER_MAYBE_RECEIVED, attempt.providerReason() == null ? "UNKNOWN" : attempt.providerReason());
        }
    }

    /** The request's outcome once it failed for good: NOT_SENT only if no attempt may have reached the provider. */
    public ProviderOutcome outcomeFor(Exchange exchange, ProviderOutcome lastAttempt) {
        String maybeReceived = exchange.getProperty(ExchangeProperties.PROVIDER_MAYBE_RECEIVED, String.class);
        if (lastAttempt.kind() != ProviderOutcome.Kind.NOT_SENT || maybeReceived == null) {
            return lastAttempt;
        }
        log.warn("Last attempt sent nothing ({}), but an earlier one may have reached the provider ({}): UNKNOWN",
                lastAttempt.providerReason(), maybeReceived);
        return ProviderOutcome.unknown(maybeReceived);
    }
}
