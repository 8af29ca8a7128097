package io.mmg.gateway.provider;

/**
 * The provider may have received a request that must not be sent again: it has no idempotency key, so a
 * resend would be a second request (M-Pesa STK push prompts the customer twice, docs/providers.md#daraja-stk-push; a
 * reversal sent twice answers "already reversed"). The payment is recorded UNKNOWN at once, without the
 * retries of the provider-retries configuration, and is completed by its callback or a status query.
 * Deliberately without a cause: Camel matches onException clauses against the whole cause chain, and an
 * IOException inside would be retried.
 */
public class OutcomeUnknownException extends RuntimeException {

    private final String providerReason;

    public OutcomeUnknownException(String providerReason, String message) {
        super(message, null, false, false);
        this.providerReason = providerReason;
    }

    public String providerReason() {
        return providerReason;
    }
}
