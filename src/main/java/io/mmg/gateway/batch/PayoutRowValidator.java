package io.mmg.gateway.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.payment.PaymentRequest;
import io.mmg.gateway.payment.PaymentRequestParser;
import io.mmg.gateway.payment.PaymentType;
import org.springframework.stereotype.Component;

/**
 * Checks a payout row with exactly the rules of POST /disbursements, so a row that passes here is a
 * payment the API would accept. A failing rule becomes the row's error, not an exception: every row
 * of a file is checked and reported before any money moves.
 */
@Component
public class PayoutRowValidator {

    private final PaymentRequestParser parser;

    public PayoutRowValidator(PaymentRequestParser parser) {
        this.parser = parser;
    }

    Verdict validate(PayoutRow row) {
        if (row.externalId() == null) {
            return Verdict.invalid(ErrorCode.INVALID_REQUEST.name(), "external_id is required: it makes each payout unique");
        }
        try {
            return Verdict.valid(toRequest(row));
        } catch (ApiException refused) {
            return Verdict.invalid(refused.code().name(), inFileTerms(refused.getMessage()));
        }
    }

    /** The API's messages name JSON fields; a file's author knows its column names. */
    private static String inFileTerms(String message) {
        return message.replace("phoneNumber", "phone_number").replace("externalId", "external_id")
                .replace("payerMessage", "narration").replace("payeeNote", "narration");
    }

    /** The payment request of a row that was valid when the file was read. */
    PaymentRequest toRequest(PayoutRow row) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("externalId", row.externalId());
        json.put("phoneNumber", row.phoneNumber());
        json.put("amount", row.amount());
        if (row.currency() != null) {
            json.put("currency", row.currency());
        }
        if (row.provider() != null) {
            json.put("provider", row.provider());
        }
        if (row.narration() != null) {
            json.put("payerMessage", row.narration());
            json.put("payeeNote", row.narration());
        }
        return parser.parseObject(json, PaymentType.DISBURSEMENT);
    }

    record Verdict(boolean isValid, String errorCode, String errorMessage, PaymentRequest request) {
        static Verdict valid(PaymentRequest request) {
            return new Verdict(true, null, null, request);
        }

        static Verdict invalid(String code, String message) {
            return new Verdict(false, code, message, null);
        }
    }
}
