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
        Instant completedAt) {

    public ProviderProduct providerProduct() {
        return ProviderProduct.of(provider.name(), product);
    }

    /** What the content-based router switches on, e.g. "MTN_MOMO:COLLECTION". */
    public String routeKey() {
        return provider.name() + ":" + product;
    }
}
