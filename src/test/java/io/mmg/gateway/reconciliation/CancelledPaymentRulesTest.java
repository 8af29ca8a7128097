package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.ProviderOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A CANCELLED payment in a reconciliation: what its provider outcome means (docs/reconciliation.md, docs/cancellation.md). */
class CancelledPaymentRulesTest {

    private final ReconciliationRules rules = new ReconciliationRules();

    @Test
    void a_cancelled_payment_still_waiting_gets_the_answer_applied_like_an_open_one() {
        Verdict verdict = rules.judge(cancelled("WAITING"), said(ProviderOutcome.Kind.SUCCESSFUL), null);

        assertThat(verdict.appliesAnswer()).isTrue();
    }

    @Test
    void a_cancelled_payment_paid_after_all_matches_a_provider_that_says_successful() {
        Verdict verdict = rules.judge(cancelled("SUCCESSFUL"), said(ProviderOutcome.Kind.SUCCESSFUL), null);

        assertThat(verdict.result()).isEqualTo(ReconciliationResult.MATCHED);
    }

    @Test
    void a_cancelled_payment_that_failed_there_is_a_mismatch_when_the_provider_now_says_successful() {
        Verdict verdict = rules.judge(cancelled("FAILED"), said(ProviderOutcome.Kind.SUCCESSFUL), null);

        assertThat(verdict.result()).isEqualTo(ReconciliationResult.MISMATCHED);
        assertThat(verdict.note()).contains("money moved that we do not count");
    }

    @Test
    void a_cancelled_payment_that_failed_there_matches_a_provider_that_says_failed() {
        Verdict verdict = rules.judge(cancelled("FAILED"), said(ProviderOutcome.Kind.FAILED), null);

        assertThat(verdict.result()).isEqualTo(ReconciliationResult.MATCHED);
    }

    @Test
    void after_the_answer_a_cancelled_payment_is_open_while_waiting_and_resolved_once_the_provider_is_final() {
        Verdict waiting = rules.afterApply(List.of(Map.of("status", "CANCELLED", "previous_status", "CANCELLED",
                "provider_outcome", "WAITING")));
        Verdict paid = rules.afterApply(List.of(Map.of("status", "CANCELLED", "previous_status", "CANCELLED",
                "provider_outcome", "SUCCESSFUL")));

        assertThat(waiting.result()).isEqualTo(ReconciliationResult.OPEN);
        assertThat(paid.result()).isEqualTo(ReconciliationResult.RESOLVED);
        assertThat(paid.statusAfter()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(paid.note()).contains("refunds it");
    }

    private static ProviderOutcome said(ProviderOutcome.Kind kind) {
        return new ProviderOutcome(kind, kind == ProviderOutcome.Kind.FAILED ? FailureReason.PAYER_NOT_FOUND : null,
                null, kind == ProviderOutcome.Kind.SUCCESSFUL ? "123456789" : null, null, "{}");
    }

    private static Payment cancelled(String providerOutcome) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), PaymentType.COLLECTION, Provider.MTN_MOMO,
                "COLLECTION", PaymentStatus.CANCELLED, new BigDecimal("1000.0000"), "UGX", "UG", "256772000111", null,
                null, null, null, "h", 202, null, null, null, "REF", null, null, 0, null, Instant.now(), Instant.now(),
                Instant.now(), null, null, providerOutcome);
    }
}
