package io.mmg.gateway.payment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The longest a payment request can spend talking to its provider: every attempt timing out, plus
 * the backoff between them, for the slowest provider. A new payment is not polled before that, so the
 * poller never asks about a payment whose request is still in flight (and never fails it as "not found"
 * while the provider is about to accept it); after it, a payment left by a crashed instance is picked up. It is
 * also the lease of an Idempotency-Key: a replay answers "in progress" no longer than this after the payment
 * was stored (select-payment-by-idempotency-key.sql).
 */
@Component
public class InitiationBudget {

    private static final long MARGIN_SECONDS = 5;

    private final long seconds;

    public InitiationBudget(@Value("${gateway.retry.max-retries}") int maxRetries,
                            @Value("${gateway.retry.initial-delay-ms}") long initialDelayMs,
                            @Value("${gateway.retry.multiplier}") double multiplier,
                            @Value("${gateway.mtn.connect-timeout-ms}") long connectTimeoutMs,
                            @Value("${gateway.mtn.response-timeout-ms}") long responseTimeoutMs,
                            @Value("${gateway.mpesa.connect-timeout-ms}") long mpesaConnectTimeoutMs,
                            @Value("${gateway.mpesa.response-timeout-ms}") long mpesaResponseTimeoutMs) {
        this.seconds = seconds(maxRetries, initialDelayMs, multiplier,
                Math.max(connectTimeoutMs + responseTimeoutMs, mpesaConnectTimeoutMs + mpesaResponseTimeoutMs));
    }

    static long seconds(int maxRetries, long initialDelayMs, double multiplier, long attemptMs) {
        long total = attemptMs * (maxRetries + 1L);
        double delay = initialDelayMs;
        for (int retry = 0; retry < maxRetries; retry++) {
            total += (long) delay;
            delay *= multiplier;
        }
        return (long) Math.ceil(total / 1000.0) + MARGIN_SECONDS;
    }

    public long seconds() {
        return seconds;
    }
}
