package io.mmg.gateway.sandbox.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A money-moving POST body, checked the way MoMo checks it (docs/providers.md#mtn-authentication, #mtn-request-to-pay, #mtn-disbursement, #mtn-simulator-checks):
 * an empty body is 400, a field that is not a JSON string (say {@code "amount": 100}) is 400, a party with empty fields is 500 (MTN Java SDK tests), a currency other than EUR is
 * 500 INVALID_CURRENCY in the sandbox, a message over 160 characters or with an apostrophe is 400.
 *
 * @param party       the payer (request-to-pay, withdrawal) or payee (transfer, deposit, cash transfer);
 *                    null for a refund, whose payee is the refunded payment's payer
 * @param extraFields cash transfer fields beyond the common ones, echoed in its status (docs/providers.md#mtn-remittance)
 */
record MtnTransactionRequest(String amount, String currency, String externalId, MtnParty party,
                             String payerMessage, String payeeNote, String referenceIdToRefund,
                             Map<String, String> extraFields) {

    /** The sandbox accepts only EUR (docs/providers.md#mtn-authentication, #mtn-sandbox). */
    static final String SANDBOX_CURRENCY = "EUR";
    static final int MAX_MESSAGE_LENGTH = 160;

    private static final Set<String> COMMON_FIELDS = Set.of("amount", "currency", "externalId", "payer", "payee",
            "payerMessage", "payeeNote", "referenceIdToRefund");

    static MtnTransactionRequest parse(MtnTransactionType type, JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw MtnSandboxException.badRequest("The request body is missing or empty.");
        }
        String amount = MtnAmount.normalise(text(body, "amount"))
                .orElseThrow(() -> MtnSandboxException.badRequest("amount must be a positive decimal string."));
        String currency = text(body, "currency");
        if (currency == null || currency.isBlank()) {
            throw MtnSandboxException.badRequest("currency is required.");
        }
        String payerMessage = message(body, "payerMessage");
        String payeeNote = message(body, "payeeNote");
        MtnParty party = null;
        String referenceIdToRefund = null;
        if (type == MtnTransactionType.REFUND) {
            referenceIdToRefund = text(body, "referenceIdToRefund");
            if (referenceIdToRefund == null || referenceIdToRefund.isBlank()) {
                throw MtnSandboxException.badRequest("referenceIdToRefund is required.");
            }
        } else {
            party = party(body, type.partyField());
        }
        if (!SANDBOX_CURRENCY.equals(currency)) {
            throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR, MtnErrorReason.INVALID_CURRENCY);
        }
        Map<String, String> extraFields = type == MtnTransactionType.CASH_TRANSFER ? extraFields(body) : Map.of();
        return new MtnTransactionRequest(amount, currency, text(body, "externalId"), party, payerMessage, payeeNote,
                referenceIdToRefund, extraFields);
    }

    MtnTransactionRequest withAmount(String newAmount) {
        return new MtnTransactionRequest(newAmount, currency, externalId, party, payerMessage, payeeNote,
                referenceIdToRefund, extraFields);
    }

    private static MtnParty party(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isObject()) {
            throw MtnSandboxException.badRequest(field + " is required.");
        }
        String idType = text(node, "partyIdType");
        String id = text(node, "partyId");
        if (idType == null || idType.isBlank() || id == null || id.isBlank()) {
            // The sandbox answers 500, not 400, for a party object with empty fields (docs/providers.md#mtn-request-to-pay, MTN Java SDK tests).
            throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR, MtnErrorReason.INTERNAL_PROCESSING_ERROR);
        }
        if (!MtnParty.ID_TYPES.contains(idType.toUpperCase(Locale.ROOT))) {
            throw MtnSandboxException.badRequest(field + ".partyIdType must be one of " + MtnParty.ID_TYPES + ".");
        }
        return new MtnParty(idType, id);
    }

    private static String message(JsonNode body, String field) {
        String value = text(body, field);
        if (value != null && value.length() > MAX_MESSAGE_LENGTH) {
            throw MtnSandboxException.badRequest(field + " must be at most " + MAX_MESSAGE_LENGTH + " characters.");
        }
        if (value != null && value.indexOf('\'') >= 0) {
            throw MtnSandboxException.badRequest(field + " contains a character that is not allowed.");
        }
        return value;
    }

    private static Map<String, String> extraFields(JsonNode body) {
        Map<String, String> extra = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            if (!COMMON_FIELDS.contains(field.getKey()) && field.getValue().isValueNode()) {
                extra.put(field.getKey(), field.getValue().asText());
            }
        });
        return Collections.unmodifiableMap(extra);
    }

    /**
     * A string field. MoMo's fields are all strings (docs/providers.md#mtn-request-to-pay): {@code "amount": 100} is refused with 400 as MTN
     * refuses a body that does not match its schema, so a client that sends numbers fails here, not in production.
     */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw MtnSandboxException.badRequest(field + " must be a JSON string.");
        }
        return value.asText();
    }
}
