package io.mmg.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a merchant does with a webhook, written from docs/webhooks.md and not from the gateway's own signing
 * code: split the X-Gateway-Signature header, recompute HMAC-SHA256(secret, t + "." + raw body) and compare it
 * in constant time with each v1.
 */
final class MerchantVerification {

    private MerchantVerification() {
    }

    static boolean verifies(String signatureHeader, String rawBody, String secret) {
        String timestamp = null;
        for (String part : signatureHeader.split(",")) {
            if (part.startsWith("t=")) {
                timestamp = part.substring(2);
            }
        }
        if (timestamp == null) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp + "." + rawBody);
        return Arrays.stream(signatureHeader.split(","))
                .filter(part -> part.startsWith("v1="))
                .anyMatch(part -> MessageDigest.isEqual(expected, part.substring(3).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String secret, String signedPayload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
