package io.mmg.gateway.provider.mpesa;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Daraja's error envelope {@code {"requestId","errorCode","errorMessage"}} (docs/providers.md#daraja-errors). The HTTP
 * status is the code's first three digits; throttling and token errors are recognised by code, since the
 * same status carries very different meanings (500.001.1001 alone has four).
 */
record MpesaError(int status, String errorCode, String errorMessage) {

    static MpesaError of(int status, JsonNode body) {
        return new MpesaError(status, text(body, "errorCode"), text(body, "errorMessage"));
    }

    boolean hasCode() {
        return errorCode != null;
    }

    /** 404.001.03 (the usual one), 400.003.01 and 401.002.01 all mean "Invalid Access Token" (docs/providers.md#daraja-errors). */
    boolean invalidToken() {
        return status == 401 || "404.001.03".equals(errorCode) || "400.003.01".equals(errorCode)
                || "401.002.01".equals(errorCode);
    }

    /** Spike Arrest (500.003.02, also "System is busy") and Quota Violation (500.003.03): nothing was done (docs/providers.md#daraja-limits). */
    boolean throttled() {
        return "500.003.02".equals(errorCode) || "500.003.03".equals(errorCode) || status == 429;
    }

    /** The path, method or authentication header is wrong: the gateway's configuration, not the payment. */
    boolean refusesTheGateway() {
        return status == 403 || status == 405
                || errorCode != null && (errorCode.startsWith("404.") || errorCode.startsWith("405.")
                || errorCode.startsWith("400.008."))
                || errorCode == null && status == 404;
    }

    boolean messageSays(String words) {
        return errorMessage != null && errorMessage.toLowerCase(java.util.Locale.ROOT).contains(words);
    }

    /** The code for providerReason: Daraja's own, or the bare status when the body had none. */
    String reason() {
        return errorCode != null ? errorCode : "HTTP_" + status;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
