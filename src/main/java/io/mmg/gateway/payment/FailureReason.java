package io.mmg.gateway.payment;

/**
 * Why a payment failed, in one table for every provider (the failure reasons the gateway was first specified with, extended with the
 * reasons MTN and M-Pesa really send, docs/providers.md#mtn-errors, #daraja-stk-result-codes). {@code retryable} says whether
 * trying again later (with a new payment) can succeed; business failures are never retried.
 */
public enum FailureReason {
    PAYER_NOT_FOUND(false, "The payer has no mobile money account"),
    PAYEE_NOT_FOUND(false, "The payee has no mobile money account"),
    NOT_ALLOWED(false, "The provider does not allow this transaction"),
    NOT_ENOUGH_FUNDS(false, "Insufficient balance"),
    PAYER_LIMIT_REACHED(false, "The payer's daily or monthly limit is reached"),
    PAYEE_LIMIT_REACHED(false, "The payee's limit is reached"),
    PAYEE_NOT_ALLOWED_TO_RECEIVE(false, "The payee is not allowed to receive money"),
    SENDER_ACCOUNT_NOT_ACTIVE(false, "The payer's account is blocked or inactive"),
    PAYMENT_NOT_APPROVED(false, "The customer rejected the payment"),
    TRANSACTION_CANCELED(false, "The transaction was cancelled"),
    COULD_NOT_PERFORM_TRANSACTION(false, "The customer did not confirm in time"),
    EXPIRED(false, "The payment request expired"),
    WRONG_PIN(false, "The customer entered a wrong PIN"),
    CUSTOMER_UNREACHABLE(false, "The customer's phone could not be reached"),
    PAYER_BUSY(true, "Another payment request to this customer is still in progress; try again in a minute"),
    AMOUNT_OUT_OF_RANGE(false, "The provider refused the amount"),
    DUPLICATE_TRANSACTION(false, "The provider saw this transaction as a duplicate"),
    RESOURCE_ALREADY_EXIST(false, "The provider already has a transaction with this reference"),
    INVALID_CURRENCY(false, "The provider does not accept this currency"),
    NOT_ALLOWED_TARGET_ENVIRONMENT(false, "The gateway's target environment is wrong for this account"),
    INVALID_CALLBACK_URL_HOST(false, "The callback host is not registered with the provider"),
    PROVIDER_REJECTED_REQUEST(false, "The provider rejected the request as invalid"),
    PROVIDER_AUTHENTICATION_FAILED(false, "The provider rejected the gateway's credentials"),
    INTERNAL_PROCESSING_ERROR(true, "The provider had an internal error"),
    SERVICE_UNAVAILABLE(true, "The provider is temporarily unavailable"),
    PROVIDER_UNAVAILABLE(true, "The provider could not be reached; nothing was sent"),
    TRANSACTION_NOT_FOUND(true, "The provider never received the transaction"),
    FAILED_ON_REVIEW(false, "An operator reviewed the payment and found it did not go through"),
    UNKNOWN_PROVIDER_REASON(false, "The provider gave a reason the gateway does not know");

    private final boolean retryable;
    private final String description;

    FailureReason(boolean retryable, String description) {
        this.retryable = retryable;
        this.description = description;
    }

    public boolean retryable() {
        return retryable;
    }

    public String description() {
        return description;
    }
}
