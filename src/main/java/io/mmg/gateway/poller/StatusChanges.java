package io.mmg.gateway.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.poller.PollDecisions.StatusChange;
import io.mmg.gateway.provider.ProviderFailures;
import io.mmg.gateway.provider.ProviderOutcome;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds the parameters of record-initiation.sql and apply-status.sql from a provider outcome:
 * the one place where "what the provider said" becomes "what we store". It sits with the poll rules because every
 * change it builds also schedules the next poll; the payment package below it knows neither providers nor polls.
 */
@Component("statusChanges")
public class StatusChanges {

    private final PollDecisions pollDecisions;
    private final PollerSettings poller;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public StatusChanges(PollDecisions pollDecisions, PollerSettings poller, ObjectMapper json) {
        this.pollDecisions = pollDecisions;
        this.poller = poller;
        this.json = json;
    }

    /** HTTP status of the answer to POST /collections etc. for this outcome. */
    public static int responseCodeFor(ProviderOutcome outcome) {
        return switch (outcome.kind()) {
            case ACCEPTED, PENDING, SUCCESSFUL, UNKNOWN -> 202;
            case NOT_SENT -> outcome.reason() == FailureReason.PROVIDER_UNAVAILABLE ? 503 : 502;
            case FAILED -> 422;
            case NOT_FOUND -> 502;
        };
    }

    public Map<String, Object> initiation(Payment payment, ProviderOutcome outcome) {
        Map<String, Object> params = common(payment, outcome.status(), outcome.reason(), outcome);
        params.put("responseCode", responseCodeFor(outcome));
        // Nothing reached the provider: the client may retry with the same Idempotency-Key.
        params.put("releaseIdempotencyKey", outcome.kind() == ProviderOutcome.Kind.NOT_SENT);
        params.put("firstPollSeconds", Math.max(1, poller.firstDelay().toSeconds()));
        return params;
    }

    /**
     * A callback states a result; it is applied as it is (the payment's secret authenticated it). A payment in
     * review leaves it only for a final result: "still pending" or "unknown" keeps it listed for its operator.
     */
    public Map<String, Object> callback(Payment payment, ProviderOutcome outcome) {
        boolean staysInReview = payment.status() == PaymentStatus.NEEDS_REVIEW && !outcome.status().isFinal();
        PaymentStatus status = staysInReview ? PaymentStatus.NEEDS_REVIEW : outcome.status();
        Map<String, Object> params = common(payment, status, outcome.reason(), outcome);
        params.put("source", "CALLBACK");
        params.put("nextPollSeconds", staysInReview ? poller.reviewPollSeconds(payment.pollAttempts())
                : poller.nextPollSeconds(payment.pollAttempts()));
        return params;
    }

    /**
     * apply-callback.sql's status parameters for a callback that states a final result, before the payment is read:
     * a final result (SUCCESSFUL, FAILED) is applied as it is whatever the payment's status and poll count (see {@link #callback}), so it
     * needs neither. Null for a result that is not final (the route reads the payment first).
     */
    public Map<String, Object> finalCallback(UUID paymentId, ProviderOutcome outcome) {
        if (outcome.status() != PaymentStatus.SUCCESSFUL && outcome.status() != PaymentStatus.FAILED) {
            return null;
        }
        return common(paymentId, outcome.status(), outcome.reason(), outcome);
    }

    /** A status query's answer, judged by the poll rules (backoff, expiry, not found). */
    public Map<String, Object> poll(Payment payment, ProviderOutcome outcome, String source) {
        StatusChange change = pollDecisions.decide(payment, outcome, clock.instant());
        Map<String, Object> params = common(payment, change.status(), change.reason(), outcome);
        params.put("source", source);
        params.put("nextPollSeconds", change.nextPollSeconds());
        return params;
    }

    /**
     * The poller could not ask the provider (unreachable, circuit open, refused): no answer, judged by the poll
     * rules, so the payment keeps its status, or goes to review once it is older than review-after.
     */
    public Map<String, Object> unanswered(Payment payment, Exception failure) {
        StatusChange change = pollDecisions.unanswered(payment, clock.instant());
        Map<String, Object> params = common(payment, change.status(), null, ProviderOutcome.unknown(null));
        params.put("source", "POLLER");
        params.put("nextPollSeconds", change.nextPollSeconds());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", "NO_ANSWER");
        details.put("queryFailed", ProviderFailures.outcomeFor(failure).providerReason());
        params.put("details", write(details));
        return params;
    }

    private Map<String, Object> common(Payment payment, PaymentStatus status, FailureReason reason,
                                       ProviderOutcome outcome) {
        return common(payment.id(), status, reason, outcome);
    }

    private Map<String, Object> common(UUID paymentId, PaymentStatus status, FailureReason reason,
                                       ProviderOutcome outcome) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", paymentId);
        params.put("status", status.name());
        params.put("reason", reason == null ? null : reason.name());
        params.put("errorMessage", reason == null ? null : reason.description());
        params.put("providerReason", outcome.providerReason());
        params.put("financialTransactionId", outcome.financialTransactionId());
        params.put("providerReference", outcome.providerReference());
        params.put("providerResponse", outcome.providerResponse());
        params.put("details", details(outcome));
        return params;
    }

    private String details(ProviderOutcome outcome) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome.kind().name());
        if (outcome.providerReason() != null) {
            details.put("providerReason", outcome.providerReason());
        }
        if (outcome.financialTransactionId() != null) {
            details.put("financialTransactionId", outcome.financialTransactionId());
        }
        return write(details);
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
