package io.mmg.gateway.sandbox.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MtnSandboxTransactionTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant FINAL = CREATED.plusMillis(300);
    private static final MtnParty PAYER = new MtnParty("MSISDN", "256772123456");

    private static MtnSandboxTransaction transaction(MtnTransactionType type, MtnSandboxOutcome outcome,
                                                     String financialTransactionId, Instant finalAt) {
        MtnTransactionRequest request = new MtnTransactionRequest("6", "EUR", "order-42", PAYER, "Order 42",
                "Thanks", null, Map.of());
        return new MtnSandboxTransaction(MtnProduct.COLLECTION, type, "ref", request, PAYER, outcome, finalAt,
                financialTransactionId, null, new AtomicBoolean());
    }

    @Test
    void a_successful_payment_shows_pending_without_an_id_then_successful_with_it() {
        MtnSandboxTransaction payment = transaction(MtnTransactionType.REQUEST_TO_PAY, MtnSandboxOutcome.SUCCESSFUL,
                "1195582132", FINAL);

        assertThat(payment.statusBody(CREATED, MtnReasonFormat.STRING))
                .doesNotContainKey("financialTransactionId")
                .containsEntry("status", "PENDING");
        assertThat(payment.statusBody(FINAL, MtnReasonFormat.STRING))
                .containsEntry("financialTransactionId", "1195582132")
                .containsEntry("externalId", "order-42")
                .containsEntry("amount", "6")
                .containsEntry("currency", "EUR")
                .containsEntry("payer", PAYER)
                .containsEntry("status", "SUCCESSFUL")
                .doesNotContainKey("reason");
    }

    @Test
    void a_failed_payment_gives_its_reason_as_a_string_or_an_object() {
        MtnSandboxTransaction payment = transaction(MtnTransactionType.REQUEST_TO_PAY,
                MtnSandboxOutcome.failed(MtnErrorReason.APPROVAL_REJECTED), null, FINAL);

        assertThat(payment.statusBody(FINAL, MtnReasonFormat.STRING))
                .containsEntry("status", "FAILED")
                .containsEntry("reason", "APPROVAL_REJECTED")
                .doesNotContainKey("financialTransactionId");
        assertThat(payment.statusBody(FINAL, MtnReasonFormat.OBJECT))
                .containsEntry("reason", MtnErrorBody.of(MtnErrorReason.APPROVAL_REJECTED));
    }

    @Test
    void a_delayed_payment_stays_pending() {
        MtnSandboxTransaction payment = transaction(MtnTransactionType.REQUEST_TO_PAY, MtnSandboxOutcome.DELAYED,
                null, null);

        assertThat(payment.status(FINAL.plusSeconds(3600))).isEqualTo("PENDING");
    }
}
