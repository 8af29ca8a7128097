package io.mmg.gateway.reconciliation;

import io.mmg.gateway.payment.PaymentStatus;

/**
 * What to make of a provider's answer about one payment. A verdict without a result ({@link #appliesAnswer()})
 * means: apply the answer through apply-status.sql first, then {@link ReconciliationRules#afterApply} decides.
 *
 * @param mismatch    for a MISMATCHED one, what differs: {@code STATUS} or {@code AMOUNT}
 * @param statusAfter our status once the check is done, null until then
 */
public record Verdict(ReconciliationResult result, String mismatch, PaymentStatus statusAfter, String note) {

    static final String STATUS = "STATUS";
    static final String AMOUNT = "AMOUNT";

    static Verdict applyAnswer() {
        return new Verdict(null, null, null, null);
    }

    static Verdict of(ReconciliationResult result, PaymentStatus statusAfter, String note) {
        return new Verdict(result, null, statusAfter, note);
    }

    static Verdict mismatch(String what, PaymentStatus status, String note) {
        return new Verdict(ReconciliationResult.MISMATCHED, what, status, note);
    }

    public boolean appliesAnswer() {
        return result == null;
    }

    public boolean isMismatch() {
        return result == ReconciliationResult.MISMATCHED;
    }
}
