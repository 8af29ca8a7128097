package io.mmg.gateway.reconciliation;

/** What checking one payment against its provider found. */
public enum ReconciliationResult {
    /** Our status is final and the provider agrees (status and, when it tells, amount). */
    MATCHED,
    /**
     * Ours was open (PENDING, UNKNOWN, NEEDS_REVIEW);
     * the provider's answer ended it, by the poll rules (expiry included).
     */
    RESOLVED,
    /** Ours is open and the provider's answer keeps it open (still pending there): the poller follows it. */
    OPEN,
    /** We and the provider disagree (status or amount): flagged, with an event; our status is not changed. */
    MISMATCHED,
    /** The provider could not be asked, or gave no answer about the payment. */
    UNVERIFIED
}
