package io.mmg.gateway.batch;

import java.util.UUID;

/** The outcome of reading a payout file. */
record BatchSummary(UUID batchId, UUID clientId, BatchStatus status, String statusReason, int totalRows,
                    int validRows, int invalidRows) {
}
