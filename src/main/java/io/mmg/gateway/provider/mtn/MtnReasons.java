package io.mmg.gateway.provider.mtn;

import io.mmg.gateway.payment.FailureReason;
import java.util.Map;

/**
 * MTN's reason codes (an open set: docs/providers.md#mtn-errors lists the schema's 17 and the ones seen
 * outside it) mapped to the gateway's {@link FailureReason}. The raw code is always kept too.
 */
final class MtnReasons {

    private static final Map<String, FailureReason> ALIASES = Map.of(
            "APPROVAL_REJECTED", FailureReason.PAYMENT_NOT_APPROVED,
            // MTN Congo's wording for insufficient funds (docs/providers.md#mtn-errors).
            "LOW_BALANCE_OR_PAYEE_LIMIT_REACHED_OR_NOT_ALLOWED", FailureReason.NOT_ENOUGH_FUNDS,
            "RESOURCE_NOT_FOUND", FailureReason.TRANSACTION_NOT_FOUND);

    private MtnReasons() {
    }

    static FailureReason toFailureReason(String code) {
        if (code == null || code.isBlank()) {
            return FailureReason.UNKNOWN_PROVIDER_REASON;
        }
        FailureReason alias = ALIASES.get(code);
        if (alias != null) {
            return alias;
        }
        try {
            return FailureReason.valueOf(code);
        } catch (IllegalArgumentException notOurs) {
            return FailureReason.UNKNOWN_PROVIDER_REASON;
        }
    }

    /** Codes for which MTN may still process the request later or on a retry (retryable in FailureReason). */
    static boolean isTransient(String code) {
        return "INTERNAL_PROCESSING_ERROR".equals(code) || "SERVICE_UNAVAILABLE".equals(code);
    }
}
