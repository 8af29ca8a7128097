package io.mmg.gateway.provider.mpesa;

import io.mmg.gateway.payment.FailureReason;
import java.util.Map;

/**
 * Daraja's ResultCodes mapped to the gateway's {@link FailureReason}. The same number means different
 * things per API (2001 is the customer's wrong PIN on an STK push but the gateway's own initiator on a
 * B2C), so there is one table per product. The raw code is always kept as providerReason.
 */
final class MpesaReasons {

    /** STK push results (docs/providers.md#daraja-stk-result-codes, and the widely reported 1001, 26, 9999). */
    private static final Map<String, FailureReason> STK = Map.ofEntries(
            Map.entry("1", FailureReason.NOT_ENOUGH_FUNDS),
            Map.entry("2", FailureReason.AMOUNT_OUT_OF_RANGE),
            Map.entry("3", FailureReason.AMOUNT_OUT_OF_RANGE),
            Map.entry("4", FailureReason.PAYER_LIMIT_REACHED),
            Map.entry("8", FailureReason.PAYEE_LIMIT_REACHED),
            Map.entry("17", FailureReason.DUPLICATE_TRANSACTION),
            Map.entry("26", FailureReason.SERVICE_UNAVAILABLE),
            Map.entry("1001", FailureReason.PAYER_BUSY),
            Map.entry("1019", FailureReason.EXPIRED),
            Map.entry("1025", FailureReason.PROVIDER_REJECTED_REQUEST),
            Map.entry("1032", FailureReason.TRANSACTION_CANCELED),
            Map.entry("1037", FailureReason.CUSTOMER_UNREACHABLE),
            Map.entry("2001", FailureReason.WRONG_PIN),
            Map.entry("2028", FailureReason.NOT_ALLOWED),
            Map.entry("8006", FailureReason.SENDER_ACCOUNT_NOT_ACTIVE),
            Map.entry("9999", FailureReason.SERVICE_UNAVAILABLE),
            Map.entry("SFC_IC0003", FailureReason.NOT_ALLOWED));

    /** B2C results (docs/providers.md#daraja-b2c); reversals share them, plus their own R0000xx codes (docs/providers.md#daraja-reversal). */
    private static final Map<String, FailureReason> ORGANISATION = Map.ofEntries(
            Map.entry("1", FailureReason.NOT_ENOUGH_FUNDS),
            Map.entry("2", FailureReason.AMOUNT_OUT_OF_RANGE),
            Map.entry("3", FailureReason.AMOUNT_OUT_OF_RANGE),
            Map.entry("4", FailureReason.PAYEE_LIMIT_REACHED),
            Map.entry("8", FailureReason.PAYEE_LIMIT_REACHED),
            Map.entry("11", FailureReason.SENDER_ACCOUNT_NOT_ACTIVE),
            Map.entry("21", FailureReason.NOT_ALLOWED),
            Map.entry("26", FailureReason.SERVICE_UNAVAILABLE),
            Map.entry("2001", FailureReason.PROVIDER_AUTHENTICATION_FAILED),
            Map.entry("2006", FailureReason.PAYEE_NOT_ALLOWED_TO_RECEIVE),
            Map.entry("2028", FailureReason.NOT_ALLOWED),
            Map.entry("2040", FailureReason.PAYEE_NOT_FOUND),
            Map.entry("8006", FailureReason.PROVIDER_AUTHENTICATION_FAILED),
            Map.entry("SFC_IC0003", FailureReason.NOT_ALLOWED),
            Map.entry("R000001", FailureReason.DUPLICATE_TRANSACTION),
            Map.entry("R000002", FailureReason.PROVIDER_REJECTED_REQUEST));

    private MpesaReasons() {
    }

    static FailureReason forStk(String resultCode) {
        return lookup(STK, resultCode);
    }

    static FailureReason forOrganisationApi(String resultCode) {
        return lookup(ORGANISATION, resultCode);
    }

    private static FailureReason lookup(Map<String, FailureReason> table, String resultCode) {
        if (resultCode == null) {
            return FailureReason.UNKNOWN_PROVIDER_REASON;
        }
        return table.getOrDefault(resultCode.trim(), FailureReason.UNKNOWN_PROVIDER_REASON);
    }
}
