package io.mmg.gateway.sandbox.mpesa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies Daraja answers and posts, with their real shapes and quirks (docs/providers.md#safaricom-daraja): ResultCode
 * a number in callbacks and a string in the STK query, "successsfully" with three s, a "Balance" item without
 * a Value, keys without values in result parameters, dates as yyyyMMddHHmmss numbers or dd.MM.yyyy strings.
 */
final class MpesaSandboxResults {

    private static final String ACCEPTED = "Accept the service request successfully.";
    private static final DateTimeFormatter B2C_COMPLETED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final String CUSTOMER_NAME = "Sandbox Customer";

    private MpesaSandboxResults() {
    }

    /** 200 to an accepted STK push (docs/providers.md#daraja-stk-push). */
    static Map<String, Object> pushAccepted(MpesaSandboxTransaction push) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MerchantRequestID", push.merchantRequestId());
        body.put("CheckoutRequestID", push.id());
        body.put("ResponseCode", "0");
        body.put("ResponseDescription", "Success. Request accepted for processing");
        body.put("CustomerMessage", "Success. Request accepted for processing");
        return body;
    }

    /** The STK callback (docs/providers.md#daraja-stk-callback): CallbackMetadata only on success; items looked up by Name, one without Value. */
    static Map<String, Object> stkCallback(MpesaSandboxTransaction push) {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("MerchantRequestID", push.merchantRequestId());
        callback.put("CheckoutRequestID", push.id());
        callback.put("ResultCode", push.resultCodeValue());
        callback.put("ResultDesc", push.resultDesc());
        if (push.succeeded()) {
            List<Map<String, Object>> items = new ArrayList<>();
            items.add(item("Amount", push.amount().setScale(2, RoundingMode.UNNECESSARY)));
            items.add(item("MpesaReceiptNumber", push.receipt()));
            items.add(Map.of("Name", "Balance"));
            items.add(item("TransactionDate", MpesaSandboxIds.timestamp(push.finalAt())));
            items.add(item("PhoneNumber", Long.valueOf(push.msisdn())));
            callback.put("CallbackMetadata", Map.of("Item", items));
        }
        return Map.of("Body", Map.of("stkCallback", callback));
    }

    /** 200 to an STK query about a push that has ended (docs/providers.md#daraja-stk-query): ResultCode as a string, and the real typo. */
    static Map<String, Object> stkQuery(MpesaSandboxTransaction push) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ResponseCode", "0");
        body.put("ResponseDescription", "The service request has been accepted successsfully");
        body.put("MerchantRequestID", push.merchantRequestId());
        body.put("CheckoutRequestID", push.id());
        body.put("ResultCode", push.resultCode());
        body.put("ResultDesc", push.resultDesc());
        return body;
    }

    /** 200 to an accepted B2C, reversal, status or balance request (docs/providers.md#daraja-b2c, #daraja-transaction-status, #daraja-reversal, #daraja-account-balance). */
    static Map<String, Object> organisationAck(String originatorConversationId, String conversationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ConversationID", conversationId);
        body.put("OriginatorConversationID", originatorConversationId);
        body.put("ResponseCode", "0");
        body.put("ResponseDescription", ACCEPTED);
        return body;
    }

    /** The Result of a B2C payment (docs/providers.md#daraja-b2c); ResultParameters only on success. */
    static Map<String, Object> b2cResult(MpesaSandboxTransaction payment, BigDecimal utilityBalance) {
        Map<String, Object> parameters = null;
        if (payment.succeeded()) {
            parameters = parameters(
                    "TransactionAmount", payment.amount(),
                    "TransactionReceipt", payment.receipt(),
                    "ReceiverPartyPublicName", payment.msisdn() + " - " + CUSTOMER_NAME,
                    "TransactionCompletedDateTime", B2C_COMPLETED.format(payment.finalAt().atZone(MpesaSandboxIds.NAIROBI)),
                    "B2CUtilityAccountAvailableFunds", utilityBalance.setScale(2, RoundingMode.UNNECESSARY),
                    "B2CWorkingAccountAvailableFunds", new BigDecimal("0.00"),
                    "B2CRecipientIsRegisteredCustomer", "Y",
                    "B2CChargesPaidAccountAvailableFunds", new BigDecimal("0.00"));
        }
        return result(0, payment.resultCodeValue(), payment.resultDesc(), payment.originatorConversationId(),
                payment.id(), transactionId(payment), parameters,
                reference("QueueTimeoutURL", "https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit"));
    }

    /** The Result of a reversal (docs/providers.md#daraja-reversal): "R000001"/"R000002" are strings. */
    static Map<String, Object> reversalResult(MpesaSandboxTransaction reversal, String shortCodeBalance) {
        Map<String, Object> parameters = null;
        if (reversal.succeeded()) {
            parameters = parameters(
                    "DebitAccountBalance", shortCodeBalance,
                    "Amount", reversal.amount(),
                    "TransCompletedTime", MpesaSandboxIds.timestamp(reversal.finalAt()),
                    "OriginalTransactionID", reversal.originalReceipt(),
                    "Charge", new BigDecimal("0.00"),
                    "CreditPartyPublicName", reversal.msisdn() + " - " + CUSTOMER_NAME,
                    "DebitPartyPublicName", reversal.shortCode() + " - Sandbox Organisation");
        }
        return result(0, reversal.resultCodeValue(), reversal.resultDesc(), reversal.originatorConversationId(),
                reversal.id(), transactionId(reversal), parameters,
                reference("QueueTimeoutURL", "https://internalsandbox.safaricom.co.ke/mpesa/reversalresults/v1/submit"));
    }

    /**
     * Sent to QueueTimeOutURL when a request was never processed. Its payload is not documented (docs/providers.md#daraja-b2c, #open-questions):
     * this is the Result envelope the SDKs that handle it expect, ResultCode 1 "timed out".
     */
    static Map<String, Object> queueTimeout(MpesaSandboxTransaction payment) {
        return result(0, 1, "The service request has timed out.", payment.originatorConversationId(), payment.id(),
                MpesaSandboxIds.noTransaction(), null, null);
    }

    /**
     * The Result of a transaction status query (docs/providers.md#daraja-transaction-status) about {@code target}; null target = unknown transaction,
     * answered R000002 (Daraja's code for that is UNCONFIRMED).
     */
    static Map<String, Object> statusResult(String originatorConversationId, String conversationId,
                                            MpesaSandboxTransaction target, String resultCode, Instant now) {
        if (target == null || !isSuccess(resultCode)) {
            String code = target == null ? MpesaResultCodes.INVALID_ORIGINAL : resultCode;
            return result(0, code.matches("\\d+") ? (Object) Integer.valueOf(code) : code,
                    MpesaResultCodes.organisation(code), originatorConversationId, conversationId,
                    MpesaSandboxIds.noTransaction(), null, reference("Occasion", null));
        }
        String status = !target.isFinal(now) ? "Pending" : target.succeeded() ? "Completed" : "Failed";
        Map<String, Object> parameters = parameters(
                "DebitPartyName", debitParty(target),
                "CreditPartyName", creditParty(target),
                "OriginatorConversationID", target.originatorConversationId(),
                "InitiatedTime", MpesaSandboxIds.timestamp(target.createdAt()),
                "FinalisedTime", target.isFinal(now) ? MpesaSandboxIds.timestamp(target.finalAt()) : null,
                "DebitAccountType", target.kind() == MpesaSandboxTransaction.Kind.STK_PUSH
                        ? "MMF Account For Customer" : "Utility Account",
                "DebitPartyCharges", null,
                "TransactionReason", null,
                "ReasonType", reasonType(target),
                "TransactionStatus", status,
                "Amount", target.amount(),
                "ConversationID", target.id(),
                "ReceiptNo", target.receipt());
        return result(0, 0, "The service request is processed successfully.", originatorConversationId,
                conversationId, target.receipt() != null ? target.receipt() : MpesaSandboxIds.noTransaction(),
                parameters, reference("Occasion", null));
    }

    /** The Result of an account balance query (docs/providers.md#daraja-account-balance): ResultType and ResultCode are strings in Daraja's sample. */
    static Map<String, Object> balanceResult(String originatorConversationId, String conversationId,
                                             String resultCode, String balances, Instant now) {
        Map<String, Object> parameters = isSuccess(resultCode)
                ? parameters("AccountBalance", balances, "BOCompletedTime", MpesaSandboxIds.timestamp(now)) : null;
        return result("0", resultCode, MpesaResultCodes.organisation(resultCode), originatorConversationId,
                conversationId, MpesaSandboxIds.noTransaction(), parameters,
                reference("QueueTimeoutURL", "https://internalsandbox.safaricom.co.ke/mpesa/abresults/v1/submit"));
    }

    private static boolean isSuccess(String resultCode) {
        return MpesaResultCodes.SUCCESS.equals(resultCode);
    }

    private static Map<String, Object> result(Object resultType, Object resultCode, String resultDesc,
                                              String originatorConversationId, String conversationId,
                                              String transactionId, Map<String, Object> parameters,
                                              Map<String, Object> referenceData) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ResultType", resultType);
        result.put("ResultCode", resultCode);
        result.put("ResultDesc", resultDesc);
        result.put("OriginatorConversationID", originatorConversationId);
        result.put("ConversationID", conversationId);
        result.put("TransactionID", transactionId);
        if (parameters != null) {
            result.put("ResultParameters", parameters);
        }
        if (referenceData != null) {
            result.put("ReferenceData", referenceData);
        }
        return Map.of("Result", result);
    }

    /** {"ResultParameter": [{"Key": k, "Value": v}, ...]}; a null value leaves the Key alone, as Daraja does. */
    private static Map<String, Object> parameters(Object... keysAndValues) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("Key", keysAndValues[i]);
            if (keysAndValues[i + 1] != null) {
                pair.put("Value", keysAndValues[i + 1]);
            }
            list.add(pair);
        }
        return Map.of("ResultParameter", list);
    }

    private static Map<String, Object> reference(String key, String value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Key", key);
        if (value != null) {
            item.put("Value", value);
        }
        return Map.of("ReferenceItem", item);
    }

    private static Map<String, Object> item(String name, Object value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Name", name);
        item.put("Value", value);
        return item;
    }

    private static String transactionId(MpesaSandboxTransaction transaction) {
        return transaction.receipt() != null ? transaction.receipt() : MpesaSandboxIds.noTransaction();
    }

    private static String debitParty(MpesaSandboxTransaction target) {
        return target.kind() == MpesaSandboxTransaction.Kind.STK_PUSH
                ? target.msisdn() + " - " + CUSTOMER_NAME : target.shortCode() + " - Sandbox Organisation";
    }

    private static String creditParty(MpesaSandboxTransaction target) {
        return target.kind() == MpesaSandboxTransaction.Kind.STK_PUSH
                ? target.shortCode() + " - Sandbox Organisation" : target.msisdn() + " - " + CUSTOMER_NAME;
    }

    private static String reasonType(MpesaSandboxTransaction target) {
        return switch (target.kind()) {
            case STK_PUSH -> "Pay Bill Online";
            case B2C -> "Business Payment to Customer via API";
            case REVERSAL -> "Reversal";
        };
    }
}
