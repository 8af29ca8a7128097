package io.mmg.gateway.provider.mpesa;

import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Payments as they are stored, for the pure M-Pesa mapping tests. */
final class MpesaTestPayments {

    private MpesaTestPayments() {
    }

    static Payment payment(String product, PaymentType type, String amount, String providerReference,
                           String externalId, String payerMessage, String receipt) {
        return payment(product, type, amount, providerReference, externalId, payerMessage, receipt,
                PaymentStatus.PENDING);
    }

    static Payment payment(String product, PaymentType type, String amount, String providerReference,
                           String externalId, String payerMessage, String receipt, PaymentStatus status) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), type, Provider.MPESA, product, status,
                new BigDecimal(amount), "KES", "KE", "254722000111", externalId, payerMessage, null, null, "h", null,
                null, null, null, providerReference, receipt, null, 0, null, Instant.now(), Instant.now(), null);
    }

    static Payment stkPush(String amount, String checkoutRequestId) {
        return payment("STK_PUSH", PaymentType.COLLECTION, amount, checkoutRequestId, null, null, null);
    }

    static Payment b2c(String amount, String conversationId) {
        return payment("B2C", PaymentType.DISBURSEMENT, amount, conversationId, null, null, null);
    }
}
