package io.mmg.gateway.payment;

import java.math.BigDecimal;

/**
 * A validated request to move money, before it is stored. {@code requestHash} fingerprints the
 * normalised fields, so an Idempotency-Key replay with the same meaning matches even if the JSON
 * was written differently.
 */
public record PaymentRequest(
        PaymentType type,
        ProviderProduct product,
        BigDecimal amount,
        String currency,
        Country country,
        String msisdn,
        String externalId,
        String payerMessage,
        String payeeNote,
        String metadataJson,
        String requestHash) {
}
