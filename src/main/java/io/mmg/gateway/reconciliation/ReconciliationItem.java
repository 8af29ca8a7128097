package io.mmg.gateway.reconciliation;

import io.mmg.gateway.payment.PaymentStatus;
import java.util.UUID;

/**
 * A payment of a run being checked.
 *
 * @param attempts     how often it has been claimed (an instance that died while checking it leaves it claimed)
 * @param statusBefore our status when it was taken up
 */
public record ReconciliationItem(long id, UUID runId, int attempts, PaymentStatus statusBefore) {
}
