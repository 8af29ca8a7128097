package io.mmg.gateway.security;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import java.util.Map;
import java.util.UUID;

/**
 * An authenticated callback whose content does not fit its payment (other amount, currency or
 * reference). It changes nothing; the rejection is kept as a payment event for audit.
 */
public class CallbackMismatchException extends ApiException {

    private final UUID paymentId;

    public CallbackMismatchException(UUID paymentId, String mismatch) {
        super(ErrorCode.CALLBACK_MISMATCH, "The callback does not match the payment: " + mismatch,
                Map.of("paymentId", paymentId.toString(), "mismatch", mismatch));
        this.paymentId = paymentId;
    }

    public UUID paymentId() {
        return paymentId;
    }
}
