package io.mmg.gateway.security;

import io.mmg.gateway.api.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (API keys, callback tokens), their hashes and constant-time comparison. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 32 random bytes, URL-safe: fit for a path segment or a header. */
    public static String random(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * 32 random bytes as hex, for the secrets in callback URLs. Hex rather than Base64: its letters (a to f) can
     * never spell a word Safaricom refuses in a URL by chance (exe, cmd, SQL, query, M-Pesa; docs/mpesa.md).
     */
    public static String urlToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * SHA-256, hex. Enough for long random secrets (no dictionary to guess from), and cheap
     * enough to run on every API call.
     */
    public static String sha256(String value) {
        return Sha256.hex(value);
    }

    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
