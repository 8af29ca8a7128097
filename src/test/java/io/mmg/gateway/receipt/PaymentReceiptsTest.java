package io.mmg.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentReceiptsTest {

    private static Payment payment(UUID id, Instant completedAt) {
        return new Payment(id, UUID.randomUUID(), PaymentType.COLLECTION, Provider.MPESA, "STK_PUSH",
                PaymentStatus.SUCCESSFUL, new BigDecimal("1000.0000"), "KES", "KE", "254712345678", "order-1", null,
                null, null, null, 202, null, null, null, "ws_CO_1", "SGR7ABC123", null, 0, null,
                completedAt.minusSeconds(5), completedAt, completedAt);
    }

    @Test
    void the_receipt_number_is_the_day_of_success_and_the_payment_id() {
        Payment payment = payment(UUID.fromString("5b0c1a2f-3d4e-4a6b-9c1d-2e3f4a5b6c7d"), Instant.parse("2026-01-05T23:59:59Z"));

        assertThat(PaymentReceipts.receiptNumber(payment)).isEqualTo("RCP-20260105-5B0C1A2F3D4E4A6B");
    }

    @Test
    void the_receipt_shows_the_amount_for_people_and_exactly() {
        Map<String, Object> receipt = PaymentReceipts.render(payment(UUID.randomUUID(), Instant.parse("2026-01-05T10:00:00Z")), null);

        assertThat(receipt).containsEntry("amount", "1000").containsEntry("formattedAmount", "KES 1,000")
                .containsEntry("paymentMethod", "M-Pesa").containsEntry("providerTransactionId", "SGR7ABC123")
                .containsEntry("orderReference", "order-1").containsEntry("date", "2026-01-05T10:00:00Z")
                .containsEntry("customerName", null);
    }
}
