package io.mmg.gateway.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a payment request (payment.request_hash): a replay of an Idempotency-Key is the same request
 * only if its fingerprint is. SHA-256 hex of the request's canonical text, as stored since the first migration:
 * another digest would turn every replay of an already stored key into a conflict.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String canonicalRequest) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
