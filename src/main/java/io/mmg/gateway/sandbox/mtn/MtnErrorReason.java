package io.mmg.gateway.sandbox.mtn;

/**
 * MoMo's {@code ErrorReason} codes (published enum, docs/providers.md#mtn-errors) plus the reasons seen outside it
 * that the sandbox numbers produce ({@code COULD_NOT_PERFORM_TRANSACTION}, {@code TRANSACTION_NOT_FOUND}).
 * Messages are the sandbox's where one was recorded (docs/providers.md#mtn-request-to-pay, #mtn-sandbox), otherwise plain descriptions.
 */
public enum MtnErrorReason {
    PAYEE_NOT_FOUND("Payee does not exist."),
    PAYER_NOT_FOUND("Payer does not exist."),
    NOT_ALLOWED("Authorization failed. Insufficient permissions."),
    NOT_ALLOWED_TARGET_ENVIRONMENT("Access to target environment is forbidden."),
    INVALID_CALLBACK_URL_HOST("Callback URL with host not allowed for the API user."),
    INVALID_CURRENCY("Currency not supported."),
    SERVICE_UNAVAILABLE("Service temporarily unavailable, try again later."),
    INTERNAL_PROCESSING_ERROR("An internal error occurred while processing."),
    NOT_ENOUGH_FUNDS("The payer does not have enough funds."),
    PAYER_LIMIT_REACHED("The payer's limit has been breached."),
    PAYEE_NOT_ALLOWED_TO_RECEIVE("The payee is not allowed to receive funds."),
    PAYMENT_NOT_APPROVED("The payment was not approved by the payer."),
    RESOURCE_NOT_FOUND("Requested resource was not found."),
    APPROVAL_REJECTED("The payer rejected the request."),
    EXPIRED("The payer did not answer in time."),
    TRANSACTION_CANCELED("The transaction was canceled."),
    RESOURCE_ALREADY_EXIST("Duplicated reference id. Creation of resource failed."),
    COULD_NOT_PERFORM_TRANSACTION("The transaction could not be performed."),
    TRANSACTION_NOT_FOUND("The transaction to refund was not found."),
    /** A delivery notification for a request-to-pay that did not succeed (MTN Java SDK test notes, docs/providers.md#mtn-collection). */
    NOT_SUCCESSFULLY_COMPLETED("The transaction is not successfully completed."),
    /** Not a published code: no 400 body was ever recorded (docs/providers.md#mtn-errors); production has been seen using this name. */
    VALIDATION_ERROR("The request is not valid.");

    private final String message;

    MtnErrorReason(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
