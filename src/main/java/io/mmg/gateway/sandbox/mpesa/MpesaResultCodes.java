package io.mmg.gateway.sandbox.mpesa;

import java.util.Map;

/** The ResultDesc Daraja sends with each ResultCode (docs/providers.md#daraja-stk-result-codes, #daraja-b2c, #daraja-reversal), per API. */
final class MpesaResultCodes {

    static final String SUCCESS = "0";
    static final String ALREADY_REVERSED = "R000001";
    static final String INVALID_ORIGINAL = "R000002";
    static final String INVALID_INITIATOR = "2001";

    /** The codes STK pushes and organisation APIs share (docs/providers.md#daraja-stk-result-codes, #daraja-b2c). */
    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry(SUCCESS, "The service request is processed successfully."),
            Map.entry("1", "The balance is insufficient for the transaction."),
            Map.entry("2", "Declined due to limit rule: less than the minimum transaction amount."),
            Map.entry("3", "Declined due to limit rule: greater than the maximum transaction amount."),
            Map.entry("4", "Declined due to limit rule: would exceed daily transfer limit."),
            Map.entry("8", "Declined due to limit rule: would exceed the maximum balance."),
            Map.entry("2001", "The initiator information is invalid."),
            Map.entry("2028", "The request is not permitted according to product assignment."),
            Map.entry("SFC_IC0003", "The operator does not exist."));

    private static final Map<String, String> STK = Map.of(
            "17", "Rule limited.",
            "26", "System busy. The service request is rejected.",
            "1001", "Unable to lock subscriber, a transaction is already in process for the current subscriber",
            "1019", "Transaction has expired",
            "1025", "An error occurred while sending a push request",
            "1032", "Request cancelled by user",
            "1037", "DS timeout user cannot be reached",
            "8006", "The security credential is locked",
            "9999", "An error occurred while sending a push request.");

    private static final Map<String, String> ORGANISATION = Map.of(
            "11", "The DebitParty is in an invalid state.",
            "21", "The initiator is not allowed to initiate this request.",
            "2006", "Declined due to account rule: The account status does not allow this transaction.",
            "2040", "Credit Party customer type (Unregistered or Registered Customer) can't be supported by the service.",
            "8006", "The security credential is locked.",
            ALREADY_REVERSED, "The transaction has already been reversed.",
            INVALID_ORIGINAL, "The OriginalTransactionID is invalid.");

    private MpesaResultCodes() {
    }

    static String stk(String code) {
        return STK.getOrDefault(code, COMMON.getOrDefault(code, "The service request failed."));
    }

    static String organisation(String code) {
        return ORGANISATION.getOrDefault(code, COMMON.getOrDefault(code, "The service request failed."));
    }
}
