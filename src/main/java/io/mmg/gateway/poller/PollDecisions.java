package io.mmg.gateway.poller;

import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.provider.ProviderOutcome;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the poller (and GET ?refresh=true) makes of the provider's answer about an open payment.
 * Pure logic: the routes apply the result with apply-status.sql.
 */
@Component("pollDecisions")
public class PollDecisions {

    private final PollerSettings settings;

    public PollDecisions(PollerSettings settings) {
        this.settings = settings;
    }

    public StatusChange decide(Payment payment, ProviderOutcome outcome, Instant now) {
        return switch (outcome.kind()) {
            case SUCCESSFUL -> change(payment, PaymentStatus.SUCCESSFUL, null);
            case FAILED -> change(payment, PaymentStatus.FAILED, outcome.reason());
            // The provider never got it (e.g. we crashed before sending, or a timeout hid a lost
            // request): no money moved, so the payment can end as FAILED.
            case NOT_FOUND -> change(payment, PaymentStatus.FAILED, FailureReason.TRANSACTION_NOT_FOUND);
            // Still pending there: expired when too old; a payment in review stays listed for review until it ends.
            case ACCEPTED, PENDING -> older(payment, now, settings.expireAfter())
                    ? change(payment, PaymentStatus.EXPIRED, FailureReason.EXPIRED)
                    : change(payment, payment.status() == PaymentStatus.NEEDS_REVIEW
                            ? PaymentStatus.NEEDS_REVIEW : PaymentStatus.PENDING, null);
            case UNKNOWN, NOT_SENT -> unanswered(payment, now);
        };
    }

    /**
     * No answer about the payment (the provider could not be asked, or said nothing about it): its status stays,
     * and it is never expired blindly, because money may have moved. Once it is older than review-after the
     * gateway has given up settling it by itself: NEEDS_REVIEW, for an operator (still asked about now and then).
     */
    public StatusChange unanswered(Payment payment, Instant now) {
        return older(payment, now, settings.reviewAfter())
                ? change(payment, PaymentStatus.NEEDS_REVIEW, null)
                : change(payment, payment.status(), null);
    }

    private StatusChange change(Payment payment, PaymentStatus status, FailureReason reason) {
        long next = status == PaymentStatus.NEEDS_REVIEW
                ? settings.reviewPollSeconds(payment.pollAttempts())
                : settings.nextPollSeconds(payment.pollAttempts());
        return new StatusChange(status, reason, next);
    }

    private static boolean older(Payment payment, Instant now, Duration age) {
        return Duration.between(payment.createdAt(), now).compareTo(age) > 0;
    }

    /** The status to write (may equal the current one) and when to ask again if still open. */
    public record StatusChange(PaymentStatus status, FailureReason reason, long nextPollSeconds) {
    }
}
