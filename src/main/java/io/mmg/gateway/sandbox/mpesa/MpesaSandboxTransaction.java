package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A money movement in the sandbox: an STK push, a B2C payment or a reversal. Its outcome is fixed when it is
 * accepted; it turns final at {@code finalAt}, when its callback or Result is sent.
 *
 * @param kind                     what created it
 * @param id                       CheckoutRequestID (STK) or ConversationID (B2C, reversal)
 * @param merchantRequestId        STK only
 * @param originatorConversationId B2C: the caller's; reversal: Daraja's own; STK: null
 * @param msisdn                   the customer (for a reversal, the reversed payment's customer)
 * @param shortCode                the organisation: PartyB of an STK push, PartyA of a B2C, ReceiverParty of a reversal
 * @param resultCode               "0" for success
 * @param queueTimeout             never processed: QueueTimeOutURL is told instead of ResultURL
 * @param receipt                  the M-Pesa receipt when successful, else null
 * @param originalReceipt          reversal only: the receipt it reverses
 * @param resultUrl                CallBackURL (STK) or ResultURL
 * @param queueTimeoutUrl          QueueTimeOutURL (B2C, reversal)
 * @param request                  the request body as received, for inspection
 * @param reversed                 whether this payment has been reversed already
 */
record MpesaSandboxTransaction(Kind kind, String id, String merchantRequestId, String originatorConversationId,
                               String msisdn, BigDecimal amount, String shortCode, String resultCode,
                               String resultDesc, boolean queueTimeout, String receipt, String originalReceipt,
                               URI resultUrl, URI queueTimeoutUrl, JsonNode request, Instant createdAt,
                               Instant finalAt, AtomicBoolean reversed) {

    enum Kind { STK_PUSH, B2C, REVERSAL }

    boolean isFinal(Instant now) {
        return !now.isBefore(finalAt);
    }

    boolean succeeded() {
        return "0".equals(resultCode) && !queueTimeout;
    }

    /** A receipt that can be reversed: a successful collection or payout. */
    boolean reversible() {
        return succeeded() && kind != Kind.REVERSAL;
    }

    /** The same transaction saying something else from now on (a correction, see MpesaSandboxRestatement). */
    MpesaSandboxTransaction restated(String newResultCode, String newResultDesc, boolean newQueueTimeout,
                                     String newReceipt, BigDecimal newAmount, Instant newFinalAt) {
        return new MpesaSandboxTransaction(kind, id, merchantRequestId, originatorConversationId, msisdn, newAmount,
                shortCode, newResultCode, newResultDesc, newQueueTimeout, newReceipt, originalReceipt, resultUrl,
                queueTimeoutUrl, request, createdAt, newFinalAt, reversed);
    }

    /** ResultCode as Daraja writes it: a number when it is one, else a string ("SFC_IC0003", "R000001"). */
    Object resultCodeValue() {
        return resultCode.matches("\\d{1,9}") ? (Object) Integer.valueOf(resultCode) : resultCode;
    }
}
