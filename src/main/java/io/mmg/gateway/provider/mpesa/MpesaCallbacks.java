package io.mmg.gateway.provider.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.poller.StatusChanges;
import io.mmg.gateway.security.CallbackMismatchException;
import io.mmg.gateway.security.ProviderCallbacks;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads what Daraja posts to our callback URLs, for a payment whose secret was already checked, and makes
 * sure it is about that payment: the STK callback (docs/providers.md#daraja-stk-callback), the Result of a B2C or reversal (docs/providers.md#daraja-b2c, #daraja-reversal), the
 * Result of a transaction status query (docs/providers.md#daraja-transaction-status) and the QueueTimeOut notification (undocumented, docs/providers.md#daraja-b2c).
 */
@Component("mpesaCallbacks")
public class MpesaCallbacks {

    /**
     * What Transaction Status answers for a transaction it does not know. Daraja's code for that is not
     * documented (UNCONFIRMED); R000002 "The OriginalTransactionID is invalid" is the reversal API's word for
     * it (docs/providers.md#daraja-reversal) and what the simulator answers. Any other failing ResultCode leaves the payment as it is.
     */
    static final String TRANSACTION_NOT_FOUND = "R000002";
    static final String QUEUE_TIMEOUT = "QUEUE_TIMEOUT";
    private static final Set<String> FAILED_STATUSES = Set.of("failed", "cancelled", "canceled", "declined",
            "expired");

    private static final String PROVIDER = "MPESA";

    private final ObjectMapper json;
    private final JsonReplies replies;
    private final ProviderCallbacks providerCallbacks;
    private final StatusChanges statusChanges;

    public MpesaCallbacks(ObjectMapper json, JsonReplies replies, ProviderCallbacks providerCallbacks,
                          StatusChanges statusChanges) {
        this.json = json;
        this.replies = replies;
        this.providerCallbacks = providerCallbacks;
        this.statusChanges = statusChanges;
    }

    /**
     * apply-callback.sql's parameters for an STK callback, before the payment is read: what {@link #stkOutcome} checks
     * against the payment (the CheckoutRequestID, the amount) becomes a condition of the update. Null when it cannot
     * be judged without the payment (no secret, not an STK callback, an amount no payment could match): the route
     * then reads the payment and answers as it always has.
     */
    public Map<String, Object> stkAtOnce(String paymentId, String token, String body) {
        Map<String, Object> params = providerCallbacks.atOnce(paymentId, token, PROVIDER);
        StkCallback callback = params == null ? null : stkCallback(body);
        if (callback == null || callback.amount() != null && amountOrNull(callback.amount()) == null) {
            return null;
        }
        Map<String, Object> status = statusChanges.finalCallback((UUID) params.get("id"), callback.outcome());
        if (status == null) {
            return null;
        }
        params.putAll(status);
        params.put("externalId", null);
        params.put("amount", callback.amount() == null ? null : amountOrNull(callback.amount()));
        params.put("currency", null);
        return params;
    }

    /** {"Body":{"stkCallback":{...}}}: CallbackMetadata (receipt, amount) only on success; items by Name. */
    public ProviderOutcome stkOutcome(Payment payment, String body) {
        StkCallback callback = stkCallback(body);
        if (callback == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The callback is not an M-Pesa STK callback");
        }
        requireSame(payment, "CheckoutRequestID", payment.providerReference(), callback.checkoutRequestId());
        if (callback.amount() != null && !sameAmount(callback.amount(), payment.amount())) {
            throw new CallbackMismatchException(payment.id(), "amount");
        }
        return callback.outcome();
    }

    /** What an STK callback states, whichever payment it is for; null when the body is not one. */
    private StkCallback stkCallback(String body) {
        JsonNode callback = read(body).path("Body").path("stkCallback");
        String resultCode = MpesaResponses.text(callback, "ResultCode");
        if (!callback.isObject() || resultCode == null) {
            return null;
        }
        String checkoutRequestId = MpesaResponses.text(callback, "CheckoutRequestID");
        if (!"0".equals(resultCode.trim())) {
            return new StkCallback(checkoutRequestId, null,
                    ProviderOutcome.failed(MpesaReasons.forStk(resultCode), resultCode.trim(), body)
                            .withProviderReference(checkoutRequestId));
        }
        Map<String, JsonNode> items = new HashMap<>();
        for (JsonNode item : callback.path("CallbackMetadata").path("Item")) {
            if (item.hasNonNull("Name") && item.hasNonNull("Value")) {   // "Balance" often comes without a Value
                items.put(item.get("Name").asText(), item.get("Value"));
            }
        }
        JsonNode amount = items.get("Amount");
        JsonNode receipt = items.get("MpesaReceiptNumber");
        return new StkCallback(checkoutRequestId, amount == null ? null : amount.asText(),
                ProviderOutcome.successful(receipt == null ? null : receipt.asText(), body)
                        .withProviderReference(checkoutRequestId));
    }

    /** An STK callback's CheckoutRequestID, stated amount (success only) and outcome. */
    private record StkCallback(String checkoutRequestId, String amount, ProviderOutcome outcome) {
    }

    /** The Result of a B2C payment or a reversal, posted to its ResultURL. */
    public ProviderOutcome resultOutcome(Payment payment, String body) {
        MpesaResult result = requireResult(body);
        String reference;
        if (MpesaProduct.of(payment.providerProduct()) == MpesaProduct.B2C) {
            // We chose the OriginatorConversationID (our payment id); Daraja chose the ConversationID.
            requireSame(payment, "OriginatorConversationID", payment.id().toString(),
                    result.originatorConversationId());
            requireSame(payment, "ConversationID", payment.providerReference(), result.conversationId());
            reference = result.conversationId();
        } else {
            requireSame(payment, "OriginatorConversationID", payment.providerReference(),
                    result.originatorConversationId());
            reference = result.originatorConversationId();
        }
        String amount = result.parameter("TransactionAmount") != null
                ? result.parameter("TransactionAmount") : result.parameter("Amount");
        if (amount != null && !sameAmount(amount, payment.amount())) {
            throw new CallbackMismatchException(payment.id(), "amount");
        }
        if (!result.succeeded()) {
            return ProviderOutcome.failed(MpesaReasons.forOrganisationApi(result.resultCode()), result.resultCode(),
                    body).withProviderReference(reference);
        }
        String receipt = result.transactionId() != null ? result.transactionId() : result.parameter("TransactionReceipt");
        return ProviderOutcome.successful(receipt, body).withProviderReference(reference);
    }

    /**
     * The Result of a transaction status query about the payment, judged as the poller judges it: "Completed" ends
     * it SUCCESSFUL with its receipt, a failed status ends it FAILED. "No such transaction" is believed only for an
     * UNKNOWN payment (Daraja may never have had it): a payment Daraja acknowledged stays as it is, since failing a
     * payout that is still queued would invite the merchant to pay twice; so does one in review (NEEDS_REVIEW), which
     * may have been acknowledged before: its operator decides. Anything else (the query itself failed,
     * "Pending") is not an answer that changes the payment, and the poller asks again later.
     */
    public ProviderOutcome statusOutcome(Payment payment, String body) {
        ProviderOutcome statement = statusStatement(payment, body);
        String amount = MpesaResult.of(read(body)).parameter("Amount");
        if (amount != null && !sameAmount(amount, payment.amount())) {
            throw new CallbackMismatchException(payment.id(), "amount");
        }
        return asPollAnswer(payment, statement);
    }

    /**
     * What a transaction status Result states about the transaction, before any rule of ours: NOT_FOUND for "no
     * such transaction", PENDING for "Pending"; its amount is not checked here ({@link #statusAmount}). What a
     * reconciliation compares with our record.
     */
    public ProviderOutcome statusStatement(Payment payment, String body) {
        MpesaResult result = requireResult(body);
        if (TRANSACTION_NOT_FOUND.equals(result.resultCode())) {
            return ProviderOutcome.notFound();
        }
        if (!result.succeeded()) {
            return ProviderOutcome.unknown(result.resultCode());
        }
        String expectedOriginator = MpesaProduct.of(payment.providerProduct()) == MpesaProduct.B2C
                ? payment.id().toString() : payment.providerReference();
        requireSame(payment, "OriginatorConversationID", expectedOriginator,
                result.parameter("OriginatorConversationID"));
        String status = result.parameter("TransactionStatus");
        if ("completed".equalsIgnoreCase(status)) {
            return ProviderOutcome.successful(result.parameter("ReceiptNo"), body);
        }
        if (status != null && FAILED_STATUSES.contains(status.toLowerCase(java.util.Locale.ROOT))) {
            return ProviderOutcome.failed(FailureReason.UNKNOWN_PROVIDER_REASON, "TransactionStatus " + status, body);
        }
        String reason = status == null ? null : "TransactionStatus " + status;
        return "pending".equalsIgnoreCase(status)
                ? new ProviderOutcome(ProviderOutcome.Kind.PENDING, null, reason, null, null, body)
                : ProviderOutcome.unknown(reason);
    }

    /** The Amount a transaction status Result states, or null. */
    public BigDecimal statusAmount(String body) {
        MpesaResult result = MpesaResult.of(read(body));
        String amount = result == null ? null : result.parameter("Amount");
        try {
            return amount == null ? null : new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How the poll rules take a statement (see {@link #statusOutcome}). */
    public ProviderOutcome asPollAnswer(Payment payment, ProviderOutcome statement) {
        if (statement.kind() == ProviderOutcome.Kind.NOT_FOUND && payment.status() != PaymentStatus.UNKNOWN) {
            return ProviderOutcome.unknown(TRANSACTION_NOT_FOUND);
        }
        if (statement.kind() == ProviderOutcome.Kind.PENDING) {
            return ProviderOutcome.unknown(statement.providerReason());
        }
        return statement;
    }

    /**
     * The request waited too long in Daraja's queue (QueueTimeOutURL; payload undocumented, docs/providers.md#daraja-b2c). That is not
     * a failure: whether Daraja will still process it is unknown, so the payment becomes UNKNOWN (a transaction
     * status query then settles it) and its Result, if it comes after all, still applies.
     */
    public ProviderOutcome queueTimeoutOutcome(Payment payment, String body) {
        MpesaResult result = MpesaResult.of(read(body));
        return ProviderOutcome.unknown(result == null || result.resultCode() == null
                ? QUEUE_TIMEOUT : QUEUE_TIMEOUT + " " + result.resultCode());
    }

    /**
     * The payee's name in a stored B2C Result: ReceiverPartyPublicName is "&lt;number&gt; - &lt;name&gt;" (docs/providers.md#daraja-b2c).
     * STK callbacks carry no name, so a collection has none: null.
     */
    public String receiverName(String storedResult) {
        MpesaResult result = storedResult == null ? null : MpesaResult.of(read(storedResult));
        String publicName = result == null ? null : result.parameter("ReceiverPartyPublicName");
        if (publicName == null) {
            return null;
        }
        String name = publicName.substring(publicName.indexOf(" - ") < 0 ? 0 : publicName.indexOf(" - ") + 3).trim();
        return name.isEmpty() ? null : name;
    }

    /** reschedule-poll.sql parameters that make the poller ask about the payment now. */
    public Map<String, Object> pollNow(Payment payment) {
        return Map.of("id", payment.id(), "nextPollSeconds", 0);
    }

    /** 200 with the acknowledgement Daraja's own samples use (docs/providers.md#daraja-stk-callback, #daraja-c2b). */
    public void acknowledge(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ResultCode", 0);
        body.put("ResultDesc", "Accepted");
        replies.reply(exchange, 200, body);
    }

    private MpesaResult requireResult(String body) {
        MpesaResult result = MpesaResult.of(read(body));
        if (result == null || result.resultCode() == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The callback is not a Daraja Result");
        }
        return result;
    }

    /** Only when both sides know the value: a callback may be the first to tell us Daraja's id. */
    private static void requireSame(Payment payment, String field, String expected, String received) {
        if (expected != null && received != null && !expected.equals(received)) {
            throw new CallbackMismatchException(payment.id(), field);
        }
    }

    private static BigDecimal amountOrNull(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean sameAmount(String text, BigDecimal expected) {
        try {
            return new BigDecimal(text.trim()).compareTo(expected) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return node == null ? json.createObjectNode() : node;
        } catch (java.io.IOException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The callback body is not JSON");
        }
    }
}
