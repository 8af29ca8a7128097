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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The comparison rules: what our record and the provider's answer mean together. */
class ReconciliationRulesTest {

    private final ReconciliationRules rules = new ReconciliationRules();

    @ParameterizedTest(name = "ours {0}, provider {1}: {2}")
    @CsvSource({
            "SUCCESSFUL, SUCCESSFUL, MATCHED",
            "SUCCESSFUL, FAILED,     MISMATCHED",
            "SUCCESSFUL, NOT_FOUND,  MISMATCHED",
            "SUCCESSFUL, PENDING,    MISMATCHED",
            "FAILED,     SUCCESSFUL, MISMATCHED",
            "EXPIRED,    SUCCESSFUL, MISMATCHED",
            "FAILED,     FAILED,     MATCHED",
            "FAILED,     NOT_FOUND,  MATCHED",
            "EXPIRED,    FAILED,     MATCHED",
            "EXPIRED,    PENDING,    MISMATCHED"})
    void a_final_payment_matches_only_when_the_provider_agrees(PaymentStatus ours, ProviderOutcome.Kind theirs,
                                                              ReconciliationResult expected) {
        Verdict verdict = rules.judge(payment(Provider.MTN_MOMO, ours, "REF"), said(theirs), null);

        assertThat(verdict.result()).isEqualTo(expected);
        assertThat(verdict.statusAfter()).as("a final status is never changed").isEqualTo(ours);
    }

    @Test
    void a_status_mismatch_says_both_sides_and_what_it_means() {
        Verdict verdict = rules.judge(payment(Provider.MTN_MOMO, PaymentStatus.SUCCESSFUL, "REF"),
                ProviderOutcome.failed(FailureReason.NOT_ENOUGH_FUNDS, "NOT_ENOUGH_FUNDS", "{}"), null);

        assertThat(verdict.mismatch()).isEqualTo("STATUS");
        assertThat(verdict.note()).isEqualTo(
                "We say SUCCESSFUL, the provider says FAILED (NOT_ENOUGH_FUNDS): we count money that did not move");
    }

    @Test
    void another_amount_is_a_mismatch_whatever_the_status() {
        Verdict verdict = rules.judge(payment(Provider.MTN_MOMO, PaymentStatus.SUCCESSFUL, "REF"),
                said(ProviderOutcome.Kind.SUCCESSFUL), new BigDecimal("999"));

        assertThat(verdict.result()).isEqualTo(ReconciliationResult.MISMATCHED);
        assertThat(verdict.mismatch()).isEqualTo("AMOUNT");
        assertThat(verdict.note()).isEqualTo("We have 1000 UGX, the provider 999");
    }

    @Test
    void the_same_amount_written_otherwise_is_the_same() {
        Verdict verdict = rules.judge(payment(Provider.MTN_MOMO, PaymentStatus.SUCCESSFUL, "REF"),
                said(ProviderOutcome.Kind.SUCCESSFUL), new BigDecimal("1000.0000"));

        assertThat(verdict.result()).isEqualTo(ReconciliationResult.MATCHED);
    }

    @ParameterizedTest(name = "ours {0}, provider {1}: applied by the poll rules")
    @CsvSource({"PENDING, SUCCESSFUL", "PENDING, FAILED", "UNKNOWN, NOT_FOUND", "PENDING, PENDING", "UNKNOWN, ACCEPTED"})
    void an_open_payment_gets_the_providers_answer(PaymentStatus ours, ProviderOutcome.Kind theirs) {
        assertThat(rules.judge(payment(Provider.MTN_MOMO, ours, "REF"), said(theirs), null).appliesAnswer()).isTrue();
    }

    @Test
    void an_open_payment_of_another_amount_is_flagged_not_resolved() {
        Verdict verdict = rules.judge(payment(Provider.MTN_MOMO, PaymentStatus.PENDING, "REF"),
                said(ProviderOutcome.Kind.SUCCESSFUL), new BigDecimal("10"));

        assertThat(verdict.appliesAnswer()).isFalse();
        assertThat(verdict.result()).isEqualTo(ReconciliationResult.MISMATCHED);
    }

    @Test
    void a_provider_that_could_not_be_asked_leaves_the_payment_unverified_with_the_reason() {
        Verdict verdict = rules.judge(payment(Provider.MTN_MOMO, PaymentStatus.SUCCESSFUL, "REF"),
                ProviderOutcome.notSent(FailureReason.PROVIDER_UNAVAILABLE, "CIRCUIT_OPEN"), null);

        assertThat(verdict.result()).isEqualTo(ReconciliationResult.UNVERIFIED);
        assertThat(verdict.note()).isEqualTo("The provider could not be asked (CIRCUIT_OPEN)");
    }

    @Test
    void an_m_pesa_payment_without_daraja_s_id_cannot_be_asked_about() {
        Verdict verdict = rules.judge(payment(Provider.MPESA, PaymentStatus.UNKNOWN, null),
                ProviderOutcome.unknown(null), null);

        assertThat(verdict.result()).isEqualTo(ReconciliationResult.UNVERIFIED);
        assertThat(verdict.note()).isEqualTo("M-Pesa cannot be asked: its id of the transaction never reached us");
    }

    @Test
    void an_answer_that_ended_the_payment_resolved_it_and_one_that_did_not_leaves_it_open() {
        assertThat(rules.afterApply(List.of(Map.of("status", "EXPIRED", "previous_status", "PENDING"))))
                .isEqualTo(Verdict.of(ReconciliationResult.RESOLVED, PaymentStatus.EXPIRED,
                        "PENDING became EXPIRED on the provider's answer"));
        assertThat(rules.afterApply(List.of(Map.of("status", "PENDING", "previous_status", "PENDING"))).result())
                .isEqualTo(ReconciliationResult.OPEN);
    }

    @Test
    void nothing_applied_means_the_payment_ended_meanwhile_and_is_judged_again() {
        assertThat(rules.afterApply(List.of())).isNull();
    }

    private static ProviderOutcome said(ProviderOutcome.Kind kind) {
        return new ProviderOutcome(kind, kind == ProviderOutcome.Kind.FAILED ? FailureReason.PAYER_NOT_FOUND : null,
                null, kind == ProviderOutcome.Kind.SUCCESSFUL ? "123456789" : null, null, "{}");
    }

    private static Payment payment(Provider provider, PaymentStatus status, String providerReference) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), PaymentType.COLLECTION, provider,
                provider == Provider.MPESA ? "STK_PUSH" : "COLLECTION", status, new BigDecimal("1000.0000"), "UGX",
                "UG", "256772000111", null, null, null, null, "h", 202, null, null, null, providerReference, null, null,
                0, null, Instant.now(), Instant.now(), null);
    }
}
