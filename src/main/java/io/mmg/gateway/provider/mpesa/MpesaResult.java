package io.mmg.gateway.provider.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Result} envelope Daraja posts to a ResultURL (B2C, reversal, transaction status; docs/providers.md#daraja-b2c, #daraja-transaction-status, #daraja-reversal). ResultCode is a number in some results and a string in others ("R000002"), and ResultParameter is a
 * list of {Key, Value} pairs, a single pair, or absent; some pairs have no Value. Read leniently, by key.
 */
record MpesaResult(String resultCode, String resultDesc, String originatorConversationId, String conversationId,
                   String transactionId, Map<String, JsonNode> parameters) {

    static MpesaResult of(JsonNode root) {
        JsonNode result = root.path("Result");
        if (!result.isObject()) {
            return null;
        }
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        JsonNode list = result.path("ResultParameters").path("ResultParameter");
        for (JsonNode pair : list.isArray() ? list : java.util.List.of(list)) {
            if (pair.hasNonNull("Key") && pair.hasNonNull("Value")) {
                // Older results spell some keys with spaces ("Originator Conversation ID"): one spelling for all.
                parameters.put(pair.get("Key").asText().replace(" ", ""), pair.get("Value"));
            }
        }
        return new MpesaResult(text(result, "ResultCode"), text(result, "ResultDesc"),
                text(result, "OriginatorConversationID"), text(result, "ConversationID"),
                text(result, "TransactionID"), parameters);
    }

    boolean succeeded() {
        return "0".equals(resultCode);
    }

    String parameter(String key) {
        JsonNode value = parameters.get(key);
        return value == null ? null : value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText().trim();
    }
}
