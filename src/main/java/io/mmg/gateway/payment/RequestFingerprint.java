package io.mmg.gateway.payment;

import io.mmg.gateway.api.Sha256;

/**
 * The fingerprint of a payment request (payment.request_hash): a replay of an Idempotency-Key is the same request
 * only if its fingerprint is. SHA-256 hex of the request's canonical text, as stored since the first migration:
 * another digest would turn every replay of an already stored key into a conflict.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String canonicalRequest) {
        return Sha256.hex(canonicalRequest);
    }
}
