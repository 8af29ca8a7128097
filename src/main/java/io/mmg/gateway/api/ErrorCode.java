package io.mmg.gateway.api;

/**
 * The codes of the gateway's one error format {"error", "code", "details"} (seed 004 and more),
 * each with the HTTP status it is answered with.
 */
public enum ErrorCode {
    INVALID_REQUEST(400),
    INVALID_FILE(400),
    INVALID_PHONE(400),
    INVALID_AMOUNT(400),
    AMOUNT_TOO_LOW(400),
    AMOUNT_TOO_HIGH(400),
    INVALID_CURRENCY(400),
    UNSUPPORTED_PROVIDER(400),
    DAILY_LIMIT_EXCEEDED(422),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    CALLBACK_REJECTED(403),
    NOT_FOUND(404),
    PAYMENT_NOT_FOUND(404),
    BATCH_NOT_FOUND(404),
    RECONCILIATION_RUN_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(409),
    DUPLICATE_EXTERNAL_ID(409),
    BATCH_STATE_CONFLICT(409),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(409),
    PAYMENT_FAILED(422),
    PAYMENT_EXPIRED(422),
    REFUND_NOT_ALLOWED(422),
    REFUND_EXCEEDS_PAYMENT(422),
    CALLBACK_MISMATCH(422),
    INTERNAL_ERROR(500),
    PROVIDER_ERROR(502),
    PROVIDER_UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
