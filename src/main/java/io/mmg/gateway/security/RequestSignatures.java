package io.mmg.gateway.security;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the signature of a request from a client that requires signing (docs/request-signing.md):
 * {@code X-Signature: v1=<hex HMAC-SHA256>} over {@code <timestamp>\n<METHOD>\n<path?query>\n<body>} with the
 * client's signing secret, {@code X-Signature-Timestamp} in Unix seconds within the tolerance of the gateway's
 * clock, and each signature accepted once (request_signature_seen, shared by every instance), so a captured
 * request cannot be sent again.
 */
@Component
public class RequestSignatures {

    public static final String TIMESTAMP = "X-Signature-Timestamp";
    public static final String SIGNATURE = "X-Signature";

    private static final Pattern TIMESTAMP_FORMAT = Pattern.compile("\\d{1,12}");
    private static final Pattern SIGNATURE_FORMAT = Pattern.compile("v1=([0-9a-fA-F]{64})");
    private static final long CLEANUP_EVERY_MILLIS = 60_000;

    private final JdbcTemplate jdbc;
    private final Duration tolerance;
    private final AtomicLong lastCleanup = new AtomicLong();

    public RequestSignatures(JdbcTemplate jdbc, @Value("${gateway.request-signing.tolerance:5m}") Duration tolerance) {
        this.jdbc = jdbc;
        this.tolerance = tolerance;
    }

    /** Refuses the request (400 malformed headers, 401 otherwise) unless it is signed with this secret. */
    public void verify(String secret, String timestampHeader, String signatureHeader, String method,
                       String pathAndQuery, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            throw new ApiException(ErrorCode.SIGNATURE_INVALID, "This client requires signed requests: send "
                    + TIMESTAMP + " and " + SIGNATURE + " (docs/request-signing.md)", Map.of("reason", "missing"));
        }
        String timestamp = timestampHeader.trim();
        if (!TIMESTAMP_FORMAT.matcher(timestamp).matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, TIMESTAMP + " must be Unix time in seconds",
                    Map.of("header", TIMESTAMP));
        }
        var signature = SIGNATURE_FORMAT.matcher(signatureHeader.trim());
        if (!signature.matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, SIGNATURE + " must be v1=<64 hex digits>",
                    Map.of("header", SIGNATURE));
        }
        long skew = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        if (skew > tolerance.toSeconds()) {
            throw invalid("stale", "The signature's timestamp is more than " + tolerance.toSeconds()
                    + " seconds from the gateway's clock");
        }
        byte[] expected = sign(secret, timestamp, method, pathAndQuery, body);
        byte[] given = HexFormat.of().parseHex(signature.group(1).toLowerCase());
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid("mismatch", "The signature does not match the request");
        }
        cleanUpNowAndThen();
        int fresh = jdbc.update("INSERT INTO request_signature_seen (signature) VALUES (?) ON CONFLICT DO NOTHING",
                HexFormat.of().formatHex(given));
        if (fresh == 0) {
            throw invalid("replayed", "This signature has been used already: sign each request afresh");
        }
    }

    /** The HMAC of a request, as the client computes it. */
    public static byte[] sign(String secret, String timestamp, String method, String pathAndQuery, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n" + method.toUpperCase() + "\n" + pathAndQuery + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private void cleanUpNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastCleanup.get();
        if (now - last > CLEANUP_EVERY_MILLIS && lastCleanup.compareAndSet(last, now)) {
            // Older than twice the window: such a signature's timestamp is refused as stale anyway.
            jdbc.update("DELETE FROM request_signature_seen WHERE seen_at < now() - make_interval(secs => ?)",
                    (double) tolerance.toSeconds() * 2);
        }
    }

    private static ApiException invalid(String reason, String message) {
        return new ApiException(ErrorCode.SIGNATURE_INVALID, message, Map.of("reason", reason));
    }
}
