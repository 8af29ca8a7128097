package io.mmg.gateway.payment;

/**
 * Issues the per-payment secret of a callback URL when a payment is stored; only its hash is kept. The security
 * package implements it ({@code security.ProviderCallbacks}), next to the check of that secret when a callback comes.
 */
public interface CallbackSecrets {

    Issued issue();

    /** The secret for the URL, and its hash for payment.callback_token_hash. */
    record Issued(String token, String hash) {
    }
}
