package io.mmg.gateway.provider;

import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.PaymentStatus;

/**
 * What a provider said about a payment, in the gateway's terms: the answer to an initiation, a status
 * query or a callback. {@code providerReason} and {@code providerResponse} keep the provider's own words.
 */
public record ProviderOutcome(
        Kind kind,
        FailureReason reason,
        String providerReason,
        String financialTransactionId,
        String providerReference,
        String providerResponse) {

    public enum Kind {
        /** The provider took the request; the result comes later. */
        ACCEPTED,
        PENDING,
        SUCCESSFUL,
        FAILED,
        /** The provider has no such transaction. */
        NOT_FOUND,
        /** We do not know whether the provider got it (timeout, 5xx after retries). */
        UNKNOWN,
        /** Nothing reached the provider (circuit open, connection refused): safe to retry. */
        NOT_SENT
    }

    public static ProviderOutcome accepted(String providerReference) {
        return new ProviderOutcome(Kind.ACCEPTED, null, null, null, providerReference, null);
    }

    public static ProviderOutcome pending(String providerResponse) {
        return new ProviderOutcome(Kind.PENDING, null, null, null, null, providerResponse);
    }

    public static ProviderOutcome successful(String financialTransactionId, String providerResponse) {
        return new ProviderOutcome(Kind.SUCCESSFUL, null, null, financialTransactionId, null, providerResponse);
    }

    public static ProviderOutcome failed(FailureReason reason, String providerReason, String providerResponse) {
        return new ProviderOutcome(Kind.FAILED, reason, providerReason, null, null, providerResponse);
    }

    public static ProviderOutcome notFound() {
        return new ProviderOutcome(Kind.NOT_FOUND, null, null, null, null, null);
    }

    public static ProviderOutcome unknown(String providerReason) {
        return new ProviderOutcome(Kind.UNKNOWN, null, providerReason, null, null, null);
    }

    public static ProviderOutcome notSent(FailureReason reason, String providerReason) {
        return new ProviderOutcome(Kind.NOT_SENT, reason, providerReason, null, null, null);
    }

    /** The same outcome, also naming the provider's own id of the transaction (M-Pesa CheckoutRequestID, ...). */
    public ProviderOutcome withProviderReference(String reference) {
        return new ProviderOutcome(kind, reason, providerReason, financialTransactionId, reference, providerResponse);
    }

    /** The payment status this outcome leads to when applied to a payment that is not final yet. */
    public PaymentStatus status() {
        return switch (kind) {
            case ACCEPTED, PENDING -> PaymentStatus.PENDING;
            case SUCCESSFUL -> PaymentStatus.SUCCESSFUL;
            case FAILED, NOT_SENT -> PaymentStatus.FAILED;
            case UNKNOWN -> PaymentStatus.UNKNOWN;
            case NOT_FOUND -> PaymentStatus.FAILED;
        };
    }
}
