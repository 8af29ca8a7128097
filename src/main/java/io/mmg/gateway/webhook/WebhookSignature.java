package io.mmg.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of a webhook (docs/webhooks.md): {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code t + "." + body}, keyed with the endpoint's signing secret (its UTF-8 bytes). The timestamp is signed
 * too, so an old request cannot be replayed with a new timestamp. While a rotated secret is still valid, a
 * second {@code v1} is signed with it; a receiver accepts the request if any {@code v1} matches.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Gateway-Signature";

    private WebhookSignature() {
    }

    public static String header(long timestamp, String body, String secret, String previousSecret) {
        StringBuilder header = new StringBuilder("t=").append(timestamp).append(",v1=").append(sign(secret, timestamp, body));
        if (previousSecret != null) {
            header.append(",v1=").append(sign(previousSecret, timestamp, body));
        }
        return header.toString();
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
