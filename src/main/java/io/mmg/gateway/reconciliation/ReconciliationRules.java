package io.mmg.gateway.reconciliation;

import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.provider.ProviderOutcome.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The comparison rules of a reconciliation (docs/reconciliation.md): what our record of a payment and the provider's
 * answer about it mean together. Pure logic; the routes apply and record the verdict.
 * <ul>
 *   <li>ours open: the answer is applied like a poll's (apply-status.sql, poll rules, so an old pending one
 *       expires), unless the amounts differ;</li>
 *   <li>ours final: the provider agrees (status and amount) or it is a mismatch, which never changes our status;</li>
 *   <li>ours CANCELLED (docs/cancellation.md): while its provider outcome is WAITING it is treated as open (the
 *       answer goes to provider_outcome); after that the provider outcome is what the provider must agree with;</li>
 *   <li>no answer about the payment: unverified.</li>
 * </ul>
 */
@Component("reconciliationRules")
public class ReconciliationRules {

    /**
     * @param said           the provider's statement about the payment (not yet judged by the poll rules)
     * @param providerAmount the amount the provider states, null when its answer does not tell
     */
    public Verdict judge(Payment ours, ProviderOutcome said, BigDecimal providerAmount) {
        if (said.kind() == Kind.UNKNOWN || said.kind() == Kind.NOT_SENT) {
            return Verdict.of(ReconciliationResult.UNVERIFIED, ours.status(), unanswered(ours, said));
        }
        if (providerAmount != null && providerAmount.compareTo(ours.amount()) != 0) {
            return Verdict.mismatch(Verdict.AMOUNT, ours.status(), "We have " + plain(ours.amount()) + " "
                    + ours.currency() + ", the provider " + plain(providerAmount));
        }
        if (isOpen(ours.status()) || ours.awaitsProvider()) {
            return Verdict.applyAnswer();
        }
        boolean theySucceeded = said.kind() == Kind.SUCCESSFUL;
        boolean weSucceeded = ours.status() == PaymentStatus.SUCCESSFUL || ours.paidAfterCancellation();
        if (theySucceeded == weSucceeded && (weSucceeded || isFinal(said.kind()))) {
            return Verdict.of(ReconciliationResult.MATCHED, ours.status(), null);
        }
        String theySay = providerStatus(said) + (said.providerReason() == null ? "" : " (" + said.providerReason() + ")");
        String consequence = theySucceeded ? ": money moved that we do not count"
                : weSucceeded ? ": we count money that did not move" : ": it may still succeed there";
        return Verdict.mismatch(Verdict.STATUS, ours.status(),
                "We say " + ours.status() + ", the provider says " + theySay + consequence);
    }

    /**
     * After apply-status.sql: the row it returned says where the payment is now. No row means a callback or the
     * poller made it final meanwhile: null, and the caller judges the payment again as it now is.
     */
    public Verdict afterApply(List<Map<String, Object>> applied) {
        if (applied == null || applied.isEmpty()) {
            return null;
        }
        PaymentStatus now = PaymentStatus.valueOf((String) applied.get(0).get("status"));
        PaymentStatus before = PaymentStatus.valueOf((String) applied.get(0).get("previous_status"));
        if (now == PaymentStatus.CANCELLED) {
            return afterApplyToCancelled((String) applied.get(0).get("provider_outcome"));
        }
        if (isOpen(now)) {
            return Verdict.of(ReconciliationResult.OPEN, now, "Still pending at the provider; the poller follows it");
        }
        return Verdict.of(ReconciliationResult.RESOLVED, now, before + " became " + now + " on the provider's answer");
    }

    /** A cancelled payment's provider outcome after the answer (apply-status.sql keeps its status). */
    private static Verdict afterApplyToCancelled(String providerOutcome) {
        if ("WAITING".equals(providerOutcome)) {
            return Verdict.of(ReconciliationResult.OPEN, PaymentStatus.CANCELLED,
                    "Cancelled, still pending at the provider; the poller follows it");
        }
        String consequence = "SUCCESSFUL".equals(providerOutcome) ? "; the poller refunds it" : "";
        return Verdict.of(ReconciliationResult.RESOLVED, PaymentStatus.CANCELLED,
                "Cancelled; the provider's outcome is now " + providerOutcome + consequence);
    }

    /** The provider's status as the report shows it; null when it said nothing about the payment. */
    public static String providerStatus(ProviderOutcome said) {
        return switch (said.kind()) {
            case ACCEPTED, PENDING -> "PENDING";
            case SUCCESSFUL, FAILED, NOT_FOUND -> said.kind().name();
            case UNKNOWN, NOT_SENT -> null;
        };
    }

    private static String unanswered(Payment ours, ProviderOutcome said) {
        if (said.kind() == Kind.NOT_SENT) {
            return "The provider could not be asked (" + said.providerReason() + ")";
        }
        if (said.providerReason() != null) {
            return "The provider gave no answer about it (" + said.providerReason() + ")";
        }
        if (ours.provider() == Provider.MPESA && ours.providerReference() == null) {
            // An STK push or reversal whose synchronous answer was lost: Daraja can only be asked by its own id.
            return "M-Pesa cannot be asked: its id of the transaction never reached us";
        }
        return "The provider gave no answer about it";
    }

    private static boolean isOpen(PaymentStatus status) {
        return status.isOpen();
    }

    private static boolean isFinal(Kind kind) {
        return kind == Kind.SUCCESSFUL || kind == Kind.FAILED || kind == Kind.NOT_FOUND;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
