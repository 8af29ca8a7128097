package io.mmg.gateway.payment;

/**
 * Lifecycle of a payment (docs/developing.md#payment-lifecycle).
 * UNKNOWN means the provider call's outcome is not known (timeout, reset, 5xx after retries);
 * the poller and reconciliation resolve it. NEEDS_REVIEW is an open payment the gateway could not settle by
 * itself within gateway.poller.review-after (no answer from the provider, or none possible): still open, so a
 * late callback or status answer settles it, never expired blindly, and an operator resolves it otherwise
 * (POST /api/v1/admin/payments/{id}/resolution). CANCELLED: the merchant called it off
 * (POST /api/v1/payments/{id}/cancel); final for the merchant, while the gateway keeps listening to the provider
 * (Payment.providerOutcome, docs/cancellation.md). Final states never change.
 */
public enum PaymentStatus {
    PENDING,
    UNKNOWN,
    NEEDS_REVIEW,
    SUCCESSFUL,
    FAILED,
    EXPIRED,
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCESSFUL || this == FAILED || this == EXPIRED || this == CANCELLED;
    }

    /** Not final: a provider's answer (or, in review, an operator) may still change it. */
    public boolean isOpen() {
        return !isFinal();
    }
}
