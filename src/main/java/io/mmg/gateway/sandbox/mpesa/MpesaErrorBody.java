package io.mmg.gateway.sandbox.mpesa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Daraja's error envelope {@code {"requestId","errorCode","errorMessage"}}; the HTTP status is the code's
 * first three digits (docs/providers.md#daraja-errors). The messages are Daraja's, per code.
 */
final class MpesaErrorBody {

    static final String INVALID_FIELD = "400.002.02";
    static final String INVALID_PAYLOAD = "400.002.05";
    static final String INVALID_AUTHENTICATION = "400.008.01";
    static final String INVALID_GRANT_TYPE = "400.008.02";
    static final String INVALID_ACCESS_TOKEN = "404.001.03";
    static final String RESOURCE_NOT_FOUND = "404.001.01";
    static final String METHOD_NOT_ALLOWED = "405.001";
    static final String MERCHANT = "500.001.1001";
    static final String DUPLICATE_ORIGINATOR = "500.002.1001";
    static final String INTERNAL_ERROR = "500.003.1001";
    static final String SPIKE_ARREST = "500.003.02";
    static final String QUOTA = "500.003.03";

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry(INVALID_FIELD, "Bad Request - Invalid Request"),
            Map.entry(INVALID_PAYLOAD, "Invalid Request Payload"),
            Map.entry("400.003.01", "Invalid Access Token"),
            Map.entry("400.003.02", "Bad Request"),
            Map.entry(INVALID_AUTHENTICATION, "Invalid Authentication passed"),
            Map.entry(INVALID_GRANT_TYPE, "Invalid grant type passed"),
            Map.entry("401.002.01", "Error Occurred - Invalid Access Token"),
            Map.entry(RESOURCE_NOT_FOUND, "Resource not found"),
            Map.entry(INVALID_ACCESS_TOKEN, "Invalid Access Token"),
            Map.entry("404.001.04", "Invalid Authentication Header"),
            Map.entry(METHOD_NOT_ALLOWED, "Method Not Allowed"),
            Map.entry(MERCHANT, "Merchant does not exist"),
            Map.entry(DUPLICATE_ORIGINATOR, "Duplicate OriginatorConversationID."),
            Map.entry(INTERNAL_ERROR, "Internal Server Error"),
            Map.entry(SPIKE_ARREST, "Spike Arrest Violation"),
            Map.entry(QUOTA, "Quota Violation"));

    private MpesaErrorBody() {
    }

    static Map<String, Object> of(String errorCode) {
        return of(errorCode, MESSAGES.getOrDefault(errorCode, "Error"), newRequestId());
    }

    static Map<String, Object> of(String errorCode, String errorMessage) {
        return of(errorCode, errorMessage, newRequestId());
    }

    static Map<String, Object> of(String errorCode, String errorMessage, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("errorCode", errorCode);
        body.put("errorMessage", errorMessage);
        return body;
    }

    /** The HTTP status of a code: its first three digits. */
    static int status(String errorCode) {
        return Integer.parseInt(errorCode.substring(0, 3));
    }

    /** Like Daraja's "1c5b-4ba8-815c-ac45c57a3db01495926". */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random, 4) + "-" + hex(random, 4) + "-" + hex(random, 4) + "-" + hex(random, 12)
                + random.nextInt(1_000_000, 10_000_000);
    }

    private static String hex(ThreadLocalRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
