package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a status GET and of a callback: the same shape (docs/providers.md#mtn-status, #mtn-callbacks). Every field
 * is optional in practice, and {@code reason} is a bare string in production but an object
 * {code, message} in the published schema, so both are read.
 */
record MtnStatusBody(String status, String reason, String financialTransactionId, String amount,
                     String currency, String externalId) {

    static MtnStatusBody of(JsonNode root) {
        return new MtnStatusBody(text(root, "status"), reason(root.get("reason")), text(root, "financialTransactionId"),
                text(root, "amount"), text(root, "currency"), text(root, "externalId"));
    }

    private static String reason(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            JsonNode code = node.get("code");
            return code == null || code.isNull() ? null : code.asText();
        }
        return node.asText();
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
