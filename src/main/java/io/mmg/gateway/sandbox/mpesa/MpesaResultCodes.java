package io.mmg.gateway.sandbox.mpesa;

import java.util.Map;

/** The ResultDesc Daraja sends with each ResultCode (provider-apis.md B7, B8, B10), per API. */
final class MpesaResultCodes {

    static final String SUCCESS = "0";
    static final String ALREADY_REVERSED = "R000001";
    static final String INVALID_ORIGINAL = "R000002";
    static final String INVALID_INITIATOR = "2001";

    private static final String PROCESSED = "The service request is processed successfully.";

    private static final Map<String, String> STK = Map.ofEntries(
            Map.entry(SUCCESS, PROCESSED),
            Map.entry("1", "The balance is insufficient for the transaction."),
            Map.entry("2", "Declined due to limit rule: less than the minimum transaction amount."),
            Map.entry("3", "Declined due to limit rule: greater than the maximum transaction amount."),
            Map.entry("4", "Declined due to limit rule: would exceed daily transfer limit."),
            Map.entry("8", "Declined due to limit rule: would exceed the maximum balance."),
            Map.entry("17", "Rule limited."),
            Map.entry("26", "System busy. The service request is rejected."),
            Map.entry("1001", "Unable to lock subscriber, a transaction is already in process for the current subscriber"),
            Map.entry("1019", "Transaction has expired"),
            Map.entry("1025", "An error occurred while sending a push request"),
            Map.entry("1032", "Request cancelled by user"),
            Map.entry("1037", "DS timeout user cannot be reached"),
            Map.entry("2001", "The initiator information is invalid."),
            Map.entry("2028", "The request is not permitted according to product assignment."),
            Map.entry("8006", "The security credential is locked"),
            Map.entry("9999", "An error occurred while sending a push request."),
            Map.entry("SFC_IC0003", "The operator does not exist."));

    private static final Map<String, String> ORGANISATION = Map.ofEntries(
            Map.entry(SUCCESS, PROCESSED),
            Map.entry("1", "The balance is insufficient for the transaction."),
            Map.entry("2", "Declined due to limit rule: less than the minimum transaction amount."),
            Map.entry("3", "Declined due to limit rule: greater than the maximum transaction amount."),
            Map.entry("4", "Declined due to limit rule: would exceed daily transfer limit."),
            Map.entry("8", "Declined due to limit rule: would exceed the maximum balance."),
            Map.entry("11", "The DebitParty is in an invalid state."),
            Map.entry("21", "The initiator is not allowed to initiate this request."),
            Map.entry("2001", "The initiator information is invalid."),
            Map.entry("2006", "Declined due to account rule: The account status does not allow this transaction."),
            Map.entry("2028", "The request is not permitted according to product assignment."),
            Map.entry("2040", "Credit Party customer type (Unregistered or Registered Customer) can't be supported "
                    + "by the service."),
            Map.entry("8006", "The security credential is locked."),
            Map.entry("SFC_IC0003", "The operator does not exist."),
            Map.entry(ALREADY_REVERSED, "The transaction has already been reversed."),
            Map.entry(INVALID_ORIGINAL, "The OriginalTransactionID is invalid."));

    private MpesaResultCodes() {
    }

    static String stk(String code) {
        return STK.getOrDefault(code, "The service request failed.");
    }

    static String organisation(String code) {
        return ORGANISATION.getOrDefault(code, "The service request failed.");
    }
}
