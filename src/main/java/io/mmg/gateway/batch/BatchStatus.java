package io.mmg.gateway.batch;

/** Where a payout batch stands. */
public enum BatchStatus {
    /** Rows are being read and checked; no money moves yet. */
    VALIDATING,
    /** Valid; waits for POST .../approve. */
    AWAITING_APPROVAL,
    /** Rows are being paid at the configured rate. */
    PROCESSING,
    /** A provider is unavailable; payments resume by themselves after paused_until. */
    PAUSED,
    /** Every row has reached its end (paid, failed, invalid or refused). */
    COMPLETED,
    /** Nothing is paid: no valid row, a duplicate file, or invalid rows with reject-file-with-invalid-rows. */
    REJECTED,
    /** Stopped on request; rows not yet sent are skipped. */
    CANCELLED
}
