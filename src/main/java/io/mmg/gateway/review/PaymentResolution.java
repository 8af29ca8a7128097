package io.mmg.gateway.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.JsonBodies;
import io.mmg.gateway.payment.PaymentStatus;
import java.util.Set;

/**
 * An operator's decision about a payment in review: {"status": "SUCCESSFUL"|"FAILED", "note", "operator",
 * "financialTransactionId"?}. The note and the operator's name are kept in the payment's history, which the
 * merchant reads too; the transaction id is the provider's receipt the operator found (SUCCESSFUL only).
 */
record PaymentResolution(PaymentStatus status, String note, String operator, String financialTransactionId) {

    static final int MAX_NOTE = 1000;
    static final int MAX_OPERATOR = 200;
    static final int MAX_TRANSACTION_ID = 64;
    private static final Set<String> FIELDS = Set.of("status", "note", "operator", "financialTransactionId");

    static PaymentResolution parse(ObjectMapper json, String body) {
        JsonNode root = JsonBodies.object(json, body);
        JsonBodies.rejectUnknownFields(root, FIELDS);
        String statusText = text(root, "status", 20);
        PaymentStatus status = "SUCCESSFUL".equals(statusText) ? PaymentStatus.SUCCESSFUL
                : "FAILED".equals(statusText) ? PaymentStatus.FAILED : null;
        if (status == null) {
            throw ApiException.invalidField("status", "status must be SUCCESSFUL or FAILED");
        }
        String note = required(root, "note", MAX_NOTE);
        String operator = required(root, "operator", MAX_OPERATOR);
        String transactionId = text(root, "financialTransactionId", MAX_TRANSACTION_ID);
        if (transactionId != null && status != PaymentStatus.SUCCESSFUL) {
            throw ApiException.invalidField("financialTransactionId",
                    "financialTransactionId belongs to a SUCCESSFUL resolution only");
        }
        return new PaymentResolution(status, note, operator, transactionId);
    }

    private static String required(JsonNode root, String field, int max) {
        String value = text(root, field, max);
        if (value == null) {
            throw ApiException.invalidField(field, field + " is required (at most " + max + " characters)");
        }
        return value;
    }

    /**
     * The trimmed text, or null when absent, null or blank;
     * anything but a string of at most max characters is refused.
     */
    private static String text(JsonNode root, String field, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().trim().length() > max) {
            throw ApiException.invalidField(field, field + " must be a string of at most " + max + " characters");
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }
}
