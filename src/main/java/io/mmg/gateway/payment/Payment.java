package io.mmg.gateway.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A stored payment (one row of the payment table). */
public record Payment(
        UUID id,
        UUID clientId,
        PaymentType type,
        Provider provider,
        String product,
        PaymentStatus status,
        BigDecimal amount,
        String currency,
        String country,
        String phoneNumber,
        String externalId,
        String payerMessage,
        String payeeNote,
        String metadataJson,
        String requestHash,
        Integer responseCode,
        String reason,
        String errorMessage,
        String providerReason,
        String providerReference,
        String financialTransactionId,
        UUID originalPaymentId,
        int pollAttempts,
        Instant nextPollAt,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        String providerOperation,
        BigDecimal refundedAmount,
        String providerOutcome) {

    /**
     * @param providerOperation the provider operation that carries the payment (MTN: requesttopay, transfer,
     *                          deposit, refund); null = the product's default for the payment type
     * @param refundedAmount    a collection's SUCCESSFUL refunds, when the query computed it; null otherwise
     * @param providerOutcome   of a CANCELLED payment: what its provider finally said (WAITING, SUCCESSFUL, FAILED,
     *                          EXPIRED; docs/cancellation.md); null for a payment never cancelled
     */
    public Payment(UUID id, UUID clientId, PaymentType type, Provider provider, String product, PaymentStatus status,
                   BigDecimal amount, String currency, String country, String phoneNumber, String externalId,
                   String payerMessage, String payeeNote, String metadataJson, String requestHash,
                   Integer responseCode, String reason, String errorMessage, String providerReason,
                   String providerReference, String financialTransactionId, UUID originalPaymentId, int pollAttempts,
                   Instant nextPollAt, Instant createdAt, Instant updatedAt, Instant completedAt) {
        this(id, clientId, type, provider, product, status, amount, currency, country, phoneNumber, externalId,
                payerMessage, payeeNote, metadataJson, requestHash, responseCode, reason, errorMessage, providerReason,
                providerReference, financialTransactionId, originalPaymentId, pollAttempts, nextPollAt, createdAt,
                updatedAt, completedAt, null, null, null);
    }

    /** A payment never cancelled (no provider outcome of its own). */
    public Payment(UUID id, UUID clientId, PaymentType type, Provider provider, String product, PaymentStatus status,
                   BigDecimal amount, String currency, String country, String phoneNumber, String externalId,
                   String payerMessage, String payeeNote, String metadataJson, String requestHash,
                   Integer responseCode, String reason, String errorMessage, String providerReason,
                   String providerReference, String financialTransactionId, UUID originalPaymentId, int pollAttempts,
                   Instant nextPollAt, Instant createdAt, Instant updatedAt, Instant completedAt,
                   String providerOperation, BigDecimal refundedAmount) {
        this(id, clientId, type, provider, product, status, amount, currency, country, phoneNumber, externalId,
                payerMessage, payeeNote, metadataJson, requestHash, responseCode, reason, errorMessage, providerReason,
                providerReference, financialTransactionId, originalPaymentId, pollAttempts, nextPollAt, createdAt,
                updatedAt, completedAt, providerOperation, refundedAmount, null);
    }

    /** Cancelled for the merchant, but its provider may still complete it: callbacks and the poller still apply. */
    public boolean awaitsProvider() {
        return status == PaymentStatus.CANCELLED && "WAITING".equals(providerOutcome);
    }

    /** Cancelled, and the customer paid after all: the money is given back by the automatic refund. */
    public boolean paidAfterCancellation() {
        return status == PaymentStatus.CANCELLED && "SUCCESSFUL".equals(providerOutcome);
    }

    public ProviderProduct providerProduct() {
        return ProviderProduct.of(provider.name(), product);
    }

    /** What the content-based router switches on, e.g. "MTN_MOMO:COLLECTION". */
    public String routeKey() {
        return provider.name() + ":" + product;
    }
}
