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
        long next = settings.nextPollSeconds(payment.pollAttempts());
        return switch (outcome.kind()) {
            case SUCCESSFUL -> StatusChange.of(PaymentStatus.SUCCESSFUL, null, next);
            case FAILED -> StatusChange.of(PaymentStatus.FAILED, outcome.reason(), next);
            // The provider never got it (e.g. we crashed before sending, or a timeout hid a lost
            // request): no money moved, so the payment can end as FAILED.
            case NOT_FOUND -> StatusChange.of(PaymentStatus.FAILED, FailureReason.TRANSACTION_NOT_FOUND, next);
            case ACCEPTED, PENDING -> tooOld(payment, now)
                    ? StatusChange.of(PaymentStatus.EXPIRED, FailureReason.EXPIRED, next)
                    : StatusChange.of(PaymentStatus.PENDING, null, next);
            // Not an answer about the payment: keep its status and ask again later. An UNKNOWN
            // payment is never expired blindly, because money may have moved.
            case UNKNOWN, NOT_SENT -> StatusChange.of(payment.status(), null, next);
        };
    }

    private boolean tooOld(Payment payment, Instant now) {
        return Duration.between(payment.createdAt(), now).compareTo(settings.expireAfter()) > 0;
    }

    /** The status to write (may equal the current one) and when to ask again if still open. */
    public record StatusChange(PaymentStatus status, FailureReason reason, long nextPollSeconds) {
        static StatusChange of(PaymentStatus status, FailureReason reason, long nextPollSeconds) {
            return new StatusChange(status, reason, nextPollSeconds);
        }
    }
}
