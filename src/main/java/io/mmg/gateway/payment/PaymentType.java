package io.mmg.gateway.payment;

/** What the merchant asked for; the provider product that carries it depends on the provider. */
public enum PaymentType {
    COLLECTION,
    DISBURSEMENT,
    REMITTANCE,
    REFUND
}
