package io.mmg.gateway.poller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.ProviderOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PollDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final PollerSettings settings = new PollerSettings(5000, 200, 4, Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofMinutes(30));
    private final PollDecisions decisions = new PollDecisions(settings);

    @Test
    void the_poll_interval_doubles_up_to_the_maximum() {
        assertThat(settings.nextPollSeconds(1)).isEqualTo(30);
        assertThat(settings.nextPollSeconds(2)).isEqualTo(60);
        assertThat(settings.nextPollSeconds(3)).isEqualTo(120);
        assertThat(settings.nextPollSeconds(5)).isEqualTo(300);
        assertThat(settings.nextPollSeconds(500)).isEqualTo(300);
    }

    @Test
    void a_final_answer_ends_the_payment() {
        assertThat(decisions.decide(payment(PaymentStatus.PENDING, 10), ProviderOutcome.successful("1", "{}"), NOW).status())
                .isEqualTo(PaymentStatus.SUCCESSFUL);
        assertThat(decisions.decide(payment(PaymentStatus.UNKNOWN, 10),
                ProviderOutcome.failed(FailureReason.NOT_ENOUGH_FUNDS, "NOT_ENOUGH_FUNDS", "{}"), NOW).reason())
                .isEqualTo(FailureReason.NOT_ENOUGH_FUNDS);
    }

    @Test
    void an_unknown_payment_the_provider_has_becomes_pending() {
        assertThat(decisions.decide(payment(PaymentStatus.UNKNOWN, 10), ProviderOutcome.pending("{}"), NOW).status())
                .isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void a_payment_the_provider_never_got_fails_as_not_found() {
        PollDecisions.StatusChange change = decisions.decide(payment(PaymentStatus.UNKNOWN, 10), ProviderOutcome.notFound(), NOW);
        assertThat(change.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(change.reason()).isEqualTo(FailureReason.TRANSACTION_NOT_FOUND);
    }

    @Test
    void a_payment_still_pending_after_the_expiry_window_expires() {
        PollDecisions.StatusChange change = decisions.decide(payment(PaymentStatus.PENDING, 61), ProviderOutcome.pending("{}"), NOW);
        assertThat(change.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(change.reason()).isEqualTo(FailureReason.EXPIRED);
    }

    @Test
    void an_unreachable_provider_never_expires_a_payment_whose_money_may_have_moved() {
        PollDecisions.StatusChange change = decisions.decide(payment(PaymentStatus.UNKNOWN, 90),
                ProviderOutcome.unknown("TIMEOUT"), NOW);
        assertThat(change.status()).isEqualTo(PaymentStatus.UNKNOWN);
    }

    @Test
    void an_unknown_payment_still_without_an_answer_after_the_review_time_needs_review() {
        PollDecisions.StatusChange change = decisions.decide(payment(PaymentStatus.UNKNOWN, 121),
                ProviderOutcome.unknown(null), NOW);
        assertThat(change.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(change.reason()).isNull();
    }

    @Test
    void a_pending_payment_whose_provider_cannot_be_asked_after_the_review_time_needs_review() {
        PollDecisions.StatusChange change = decisions.unanswered(payment(PaymentStatus.PENDING, 121), NOW);
        assertThat(change.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
    }

    @Test
    void a_payment_in_review_is_asked_about_again_only_after_the_review_interval() {
        PollDecisions.StatusChange change = decisions.unanswered(payment(PaymentStatus.NEEDS_REVIEW, 500), NOW);
        assertThat(change.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(change.nextPollSeconds()).isEqualTo(Duration.ofMinutes(30).toSeconds());
    }

    @Test
    void a_final_answer_settles_a_payment_in_review() {
        assertThat(decisions.decide(payment(PaymentStatus.NEEDS_REVIEW, 500), ProviderOutcome.successful("1", "{}"), NOW)
                .status()).isEqualTo(PaymentStatus.SUCCESSFUL);
    }

    @Test
    void a_payment_in_review_the_provider_calls_pending_stays_in_review_until_it_is_too_old() {
        assertThat(decisions.decide(payment(PaymentStatus.NEEDS_REVIEW, 30), ProviderOutcome.pending("{}"), NOW).status())
                .isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(decisions.decide(payment(PaymentStatus.NEEDS_REVIEW, 61), ProviderOutcome.pending("{}"), NOW).status())
                .isEqualTo(PaymentStatus.EXPIRED);
    }

    private static Payment payment(PaymentStatus status, int minutesOld) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), PaymentType.COLLECTION, Provider.MTN_MOMO, "COLLECTION",
                status, new BigDecimal("1000"), "UGX", "UG", "256772123456", null, null, null, null, "h", 202, null,
                null, null, null, null, null, 1, NOW, NOW.minus(Duration.ofMinutes(minutesOld)), NOW, null);
    }
}
