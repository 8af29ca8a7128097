package io.mmg.gateway.payment;

/**
 * Lifecycle of a payment (DESIGN.md "Payment lifecycle").
 * UNKNOWN means the provider call's outcome is not known (timeout, reset, 5xx after retries);
 * the poller and reconciliation resolve it. Final states never change.
 */
public enum PaymentStatus {
    PENDING,
    UNKNOWN,
    SUCCESSFUL,
    FAILED,
    EXPIRED;

    public boolean isFinal() {
        return this == SUCCESSFUL || this == FAILED || this == EXPIRED;
    }
}
