package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.payment.PhoneNumbers;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxCall;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The organisation APIs, all asynchronous: a synchronous acknowledgement, then a {@code Result} posted to
 * ResultURL (docs/providers.md#daraja-b2c, #daraja-transaction-status, #daraja-reversal, #daraja-account-balance). B2C pays customers, reversal takes a collection back, transaction status
 * and account balance report. An initiator Daraja does not know, or a SecurityCredential that is not Base64,
 * fails in the Result with 2001, as Daraja does, not synchronously.
 */
@Component
@ConditionalOnSandbox
public class MpesaSandboxOrganisation {

    private static final Logger log = LoggerFactory.getLogger(MpesaSandboxOrganisation.class);
    /** The smallest B2C payment M-Pesa makes (docs/providers.md#daraja-b2c ResultCode 2: below minimum). */
    private static final BigDecimal MIN_B2C = BigDecimal.TEN;

    private final MpesaSandboxProperties properties;
    private final MpesaSandboxSettings settings;
    private final MpesaSandboxLedger ledger;
    private final MpesaSandboxAccounts accounts;
    private final MpesaSandboxCallbacks callbacks;
    private final MpesaSandboxRules b2cRules;

    public MpesaSandboxOrganisation(MpesaSandboxProperties properties, MpesaSandboxSettings settings,
                                    MpesaSandboxLedger ledger, MpesaSandboxAccounts accounts,
                                    MpesaSandboxCallbacks callbacks) {
        this.properties = properties;
        this.settings = settings;
        this.ledger = ledger;
        this.accounts = accounts;
        this.callbacks = callbacks;
        this.b2cRules = new MpesaSandboxRules(properties.b2cRules());
    }

    /** The customer a request is about, for faults and stats: the payee, or the reversed payment's customer. */
    String customerOf(String operation, JsonNode body) {
        return switch (operation) {
            case "b2c" -> body.path("PartyB").asText(null);
            case "reversal" -> ledger.find(body.path("TransactionID").asText(null))
                    .map(MpesaSandboxTransaction::msisdn).orElse(null);
            case "transactionstatus" -> statusTarget(text(body, "TransactionID"), text(body, "OriginalConversationID"))
                    .map(MpesaSandboxTransaction::msisdn).orElse(null);
            default -> null;
        };
    }

    /**
     * {@code POST /mpesa/b2c/v3/paymentrequest} (and the legacy v1): OriginatorConversationID is the caller's
     * and unique, a second use is 500.002.1001 (docs/providers.md#daraja-b2c). v1 has none (Daraja makes one) and spells "Occasion".
     */
    ResponseEntity<Object> b2c(boolean v3, JsonNode json, SandboxCall call) {
        MpesaSandboxRequest request = MpesaSandboxRequest.of(json);
        String originator = v3 ? request.length("OriginatorConversationID", true, 1, 100)
                : MpesaSandboxIds.originatorConversationId();
        Initiator initiator = initiator(request, "InitiatorName");
        request.oneOf("CommandID", "SalaryPayment", "BusinessPayment", "PromotionPayment");
        BigDecimal amount = request.amount("Amount");
        String partyA = request.shortCode("PartyA");
        String payee = request.msisdn("PartyB");
        request.length("Remarks", true, 2, 100);
        URI timeoutUrl = request.url("QueueTimeOutURL");
        URI resultUrl = request.url("ResultURL");
        request.length(v3 ? "Occassion" : "Occasion", false, 1, 100);

        if (ledger.findByOriginator(originator).isPresent()) {
            throw MpesaSandboxException.of(MpesaErrorBody.DUPLICATE_ORIGINATOR);
        }
        Instant now = Instant.now();
        Duration delay = settings.current().callbackDelay();
        String resultCode;
        boolean queueTimeout = false;
        Optional<MpesaSandboxRules.Decision> rule = b2cRules.decide(payee, amount);
        if (!initiator.valid()) {
            resultCode = MpesaResultCodes.INVALID_INITIATOR;
        } else if (rule.isPresent()) {
            resultCode = rule.get().resultCode();
            queueTimeout = rule.get().queueTimeout();
            delay = rule.get().delay() != null ? rule.get().delay() : delay;
        } else if (amount.compareTo(MIN_B2C) < 0) {
            resultCode = "2";
        } else {
            resultCode = MpesaResultCodes.SUCCESS;
        }
        if (MpesaResultCodes.SUCCESS.equals(resultCode) && !queueTimeout && !accounts.payOut(partyA, amount)) {
            resultCode = "1";
        }
        MpesaSandboxTransaction payment = new MpesaSandboxTransaction(MpesaSandboxTransaction.Kind.B2C,
                MpesaSandboxIds.conversationId(now), null, originator, payee, amount, partyA, resultCode,
                MpesaResultCodes.organisation(resultCode), queueTimeout,
                MpesaResultCodes.SUCCESS.equals(resultCode) && !queueTimeout ? MpesaSandboxIds.receipt() : null, null,
                resultUrl, timeoutUrl, request.json(), now, now.plus(delay), new AtomicBoolean());
        if (!ledger.add(payment)) {   // the same OriginatorConversationID raced in meanwhile
            if (payment.succeeded()) {
                accounts.returnToUtility(partyA, amount);
            }
            throw MpesaSandboxException.of(MpesaErrorBody.DUPLICATE_ORIGINATOR);
        }
        log.debug("M-Pesa sandbox B2C from {} to {}: {}", partyA, PhoneNumbers.mask(payee),
                queueTimeout ? "queue timeout" : "ResultCode " + resultCode);
        if (!call.suppressCallback()) {
            sendResult(payment, delay);
        }
        return ResponseEntity.ok(MpesaSandboxResults.organisationAck(originator, payment.id()));
    }

    /** {@code POST /mpesa/reversal/v1/request}: takes a successful payment back, once (docs/providers.md#daraja-reversal). */
    ResponseEntity<Object> reversal(JsonNode json, SandboxCall call) {
        MpesaSandboxRequest request = MpesaSandboxRequest.of(json);
        Initiator initiator = initiator(request, "Initiator");
        request.oneOf("CommandID", "TransactionReversal");
        String receipt = request.required("TransactionID");
        BigDecimal amount = request.amount("Amount");
        String receiver = request.shortCode("ReceiverParty");
        request.oneOf("RecieverIdentifierType", "1", "2", "4", "11");   // sic (docs/providers.md#daraja-reversal)
        URI resultUrl = request.url("ResultURL");
        URI timeoutUrl = request.url("QueueTimeOutURL");
        request.length("Remarks", true, 2, 100);

        Instant now = Instant.now();
        Optional<MpesaSandboxTransaction> original = ledger.find(receipt)
                .filter(MpesaSandboxTransaction::reversible);
        String resultCode;
        if (!initiator.valid()) {
            resultCode = MpesaResultCodes.INVALID_INITIATOR;
        } else if (original.isEmpty()) {
            resultCode = MpesaResultCodes.INVALID_ORIGINAL;
        } else if (!original.get().reversed().compareAndSet(false, true)) {
            resultCode = MpesaResultCodes.ALREADY_REVERSED;
        } else {
            resultCode = MpesaResultCodes.SUCCESS;
            accounts.reverse(receiver, amount);
        }
        Duration delay = settings.current().callbackDelay();
        MpesaSandboxTransaction reversal = new MpesaSandboxTransaction(MpesaSandboxTransaction.Kind.REVERSAL,
                MpesaSandboxIds.conversationId(now), null, MpesaSandboxIds.originatorConversationId(),
                original.map(MpesaSandboxTransaction::msisdn).orElse(null), amount, receiver, resultCode,
                MpesaResultCodes.organisation(resultCode), false,
                MpesaResultCodes.SUCCESS.equals(resultCode) ? MpesaSandboxIds.receipt() : null, receipt, resultUrl,
                timeoutUrl, request.json(), now, now.plus(delay), new AtomicBoolean());
        ledger.add(reversal);
        log.debug("M-Pesa sandbox reversal by {}: ResultCode {}", receiver, resultCode);
        if (!call.suppressCallback()) {
            sendResult(reversal, delay);
        }
        return ResponseEntity.ok(MpesaSandboxResults.organisationAck(reversal.originatorConversationId(),
                reversal.id()));
    }

    /**
     * {@code POST /mpesa/transactionstatus/v1/query}: by receipt (TransactionID) or by the transaction's
     * Originator Conversation ID (OriginalConversationID) (Daraja's Transaction Status page); the Result reports the
     * transaction as it is when the Result is sent.
     */
    ResponseEntity<Object> transactionStatus(JsonNode json, SandboxCall call) {
        MpesaSandboxRequest request = MpesaSandboxRequest.of(json);
        Initiator initiator = initiator(request, "Initiator");
        request.oneOf("CommandID", "TransactionStatusQuery");
        String receipt = request.text("TransactionID");
        String originatorOfTarget = request.text("OriginalConversationID");
        if (receipt == null && originatorOfTarget == null) {
            throw MpesaSandboxException.invalid("TransactionID");
        }
        request.shortCode("PartyA");
        request.required("IdentifierType");
        URI resultUrl = request.url("ResultURL");
        request.url("QueueTimeOutURL");

        String resultCode = initiator.valid() ? MpesaResultCodes.SUCCESS : MpesaResultCodes.INVALID_INITIATOR;
        return answerLater(resultUrl, call, "transaction status result", (originator, conversation) ->
                MpesaSandboxResults.statusResult(originator, conversation,
                        statusTarget(receipt, originatorOfTarget).filter(target -> !target.queueTimeout()).orElse(null),
                        resultCode, Instant.now()));
    }

    /** {@code POST /mpesa/accountbalance/v1/query}: the shortcode's accounts, in the Result (docs/providers.md#daraja-account-balance). */
    ResponseEntity<Object> accountBalance(JsonNode json, SandboxCall call) {
        MpesaSandboxRequest request = MpesaSandboxRequest.of(json);
        Initiator initiator = initiator(request, "Initiator");
        request.oneOf("CommandID", "AccountBalance");
        String partyA = request.shortCode("PartyA");
        request.required("IdentifierType");
        URI resultUrl = request.url("ResultURL");
        request.url("QueueTimeOutURL");

        String resultCode = initiator.valid() ? MpesaResultCodes.SUCCESS : MpesaResultCodes.INVALID_INITIATOR;
        return answerLater(resultUrl, call, "account balance result", (originator, conversation) ->
                MpesaSandboxResults.balanceResult(originator, conversation, resultCode, accounts.describe(partyA),
                        Instant.now()));
    }

    /**
     * The acknowledgement of a query (Daraja's own OriginatorConversationID and ConversationID), and its
     * Result posted to ResultURL after the callback delay, built then, so that it reports that moment.
     */
    private ResponseEntity<Object> answerLater(URI resultUrl, SandboxCall call, String description,
                                               BiFunction<String, String, Object> result) {
        String originator = MpesaSandboxIds.originatorConversationId();
        String conversation = MpesaSandboxIds.conversationId(Instant.now());
        if (!call.suppressCallback()) {
            callbacks.post(resultUrl, () -> result.apply(originator, conversation), settings.current().callbackDelay(),
                    description);
        }
        return ResponseEntity.ok(MpesaSandboxResults.organisationAck(originator, conversation));
    }

    /** Posts the transaction's Result to ResultURL, or, when it timed out in the queue, the notice to QueueTimeOutURL. */
    void sendResult(MpesaSandboxTransaction transaction, Duration delay) {
        String description = transaction.kind().name().toLowerCase() + " result for "
                + PhoneNumbers.mask(transaction.msisdn());
        if (transaction.queueTimeout()) {
            callbacks.post(transaction.queueTimeoutUrl(), () -> MpesaSandboxResults.queueTimeout(transaction), delay,
                    description);
        } else {
            callbacks.post(transaction.resultUrl(), () -> resultBody(transaction), delay, description);
        }
    }

    /** What ResultURL gets for a B2C payment or a reversal, with the balances of the moment. */
    Object resultBody(MpesaSandboxTransaction transaction) {
        return transaction.kind() == MpesaSandboxTransaction.Kind.B2C
                ? MpesaSandboxResults.b2cResult(transaction, accounts.utility(transaction.shortCode()))
                : MpesaSandboxResults.reversalResult(transaction, "Working Account|KES|"
                + accounts.working(transaction.shortCode()).setScale(2, java.math.RoundingMode.UNNECESSARY)
                .toPlainString() + "|0.00|0.00|0.00");
    }

    private Optional<MpesaSandboxTransaction> statusTarget(String receipt, String originatorConversationId) {
        return ledger.find(receipt).or(() -> ledger.findByOriginator(originatorConversationId));
    }

    private record Initiator(boolean valid) {
    }

    /** Presence is checked now (400.002.02); whether Daraja knows the initiator shows in the Result (2001). */
    private Initiator initiator(MpesaSandboxRequest request, String nameField) {
        String name = request.required(nameField);
        String credential = request.required("SecurityCredential");
        return new Initiator(properties.initiators().contains(name) && isBase64(credential));
    }

    /** A simulator cannot decrypt a SecurityCredential (docs/providers.md#daraja-security-credential): it only checks it is Base64. */
    private static boolean isBase64(String text) {
        try {
            return Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
