package io.mmg.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The outcome of a failed payment request weighs every attempt, not the last one alone. */
class SendAttemptsTest {

    private final SendAttempts attempts = new SendAttempts();
    private final Exchange request = new DefaultExchange(new DefaultCamelContext());

    private void failedAttempt(Exception failure) {
        request.setException(failure);
        attempts.process(request);
        request.setException(null);
    }

    private ProviderOutcome outcomeAfterLast(Exception lastFailure) {
        failedAttempt(lastFailure);
        return attempts.outcomeFor(request, ProviderFailures.outcomeFor(lastFailure));
    }

    private static CallNotPermittedException circuitOpen() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("mtn-collection");
        breaker.transitionToOpenState();
        return CallNotPermittedException.createCallNotPermittedException(breaker);
    }

    @Test
    void a_retry_turned_away_by_an_open_circuit_after_a_timed_out_attempt_leaves_the_outcome_unknown() {
        failedAttempt(new SocketTimeoutException("Read timed out"));

        ProviderOutcome outcome = outcomeAfterLast(circuitOpen());

        assertThat(outcome.kind()).isEqualTo(ProviderOutcome.Kind.UNKNOWN);
        assertThat(outcome.providerReason()).isEqualTo("SocketTimeoutException");
    }

    @Test
    void a_request_whose_every_attempt_was_turned_away_before_leaving_was_not_sent() {
        failedAttempt(new ConnectException("Connection refused"));

        ProviderOutcome outcome = outcomeAfterLast(circuitOpen());

        assertThat(outcome.kind()).isEqualTo(ProviderOutcome.Kind.NOT_SENT);
        assertThat(outcome.providerReason()).isEqualTo("CIRCUIT_OPEN");
    }
}
