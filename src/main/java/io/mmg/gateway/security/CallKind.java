package io.mmg.gateway.security;

import java.util.regex.Pattern;

/** The kinds of merchant calls that have rate limits of their own (the M-Pesa checkout API: initiations and status checks). */
public enum CallKind {
    /** Calls that start moving money: collections, disbursements, remittances, refunds, batch uploads. */
    INITIATION,
    /** Everything else: status, lists, events, receipts, settings. */
    READ;

    // The compatibility adapters' paths (docs/compatibility.md) count as what they do.
    private static final Pattern INITIATIONS = Pattern.compile(
            "/api/v1/(collections|disbursements|remittances|disbursement-batches|payments/[^/]+/refunds)/?"
                    + "|/api/payments/(request|mtn-momo)/?|/api/payment/(mpesa|transactions/[^/]+/refund)/?");

    public static CallKind of(String method, String path) {
        return "POST".equalsIgnoreCase(method) && path != null && INITIATIONS.matcher(path).matches()
                ? INITIATION : READ;
    }
}
