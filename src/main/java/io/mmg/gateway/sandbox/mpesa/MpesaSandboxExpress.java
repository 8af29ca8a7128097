package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.payment.PhoneNumbers;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.SandboxCall;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * M-Pesa Express: the STK push and its query (docs/providers.md#daraja-stk-push, #daraja-stk-query, #daraja-stk-callback, #daraja-stk-result-codes). A push is accepted at once; its outcome
 * is decided then (rules, limits, rule 17) and posted to CallBackURL when the "customer" has answered.
 */
@Component
@ConditionalOnSandbox
public class MpesaSandboxExpress {

    private static final Logger log = LoggerFactory.getLogger(MpesaSandboxExpress.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Daraja's limits (docs/providers.md#daraja-sandbox). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("250000");
    static final String PAYBILL = "CustomerPayBillOnline";
    static final String TILL = "CustomerBuyGoodsOnline";

    private final MpesaSandboxProperties properties;
    private final MpesaSandboxSettings settings;
    private final MpesaSandboxLedger ledger;
    private final MpesaSandboxAccounts accounts;
    private final MpesaSandboxCallbacks callbacks;
    private final MpesaSandboxRules rules;

    public MpesaSandboxExpress(MpesaSandboxProperties properties, MpesaSandboxSettings settings,
                               MpesaSandboxLedger ledger, MpesaSandboxAccounts accounts,
                               MpesaSandboxCallbacks callbacks) {
        this.properties = properties;
        this.settings = settings;
        this.ledger = ledger;
        this.accounts = accounts;
        this.callbacks = callbacks;
        this.rules = new MpesaSandboxRules(properties.stkRules());
    }

    /** The customer a push or query is about, so faults and stats can single out one test's numbers. */
    String customerOf(JsonNode body, boolean query) {
        if (query) {
            return ledger.find(body.path("CheckoutRequestID").asText(null))
                    .map(MpesaSandboxTransaction::msisdn).orElse(null);
        }
        return body.path("PhoneNumber").asText(null);
    }

    /** {@code POST /mpesa/stkpush/v1/processrequest}. */
    ResponseEntity<Object> push(HttpHeaders headers, JsonNode raw, SandboxCall call) {
        MpesaSandboxRequest request = request(headers, raw);
        String shortCode = authenticate(request);
        String type = request.oneOf("TransactionType", PAYBILL, TILL);
        BigDecimal amount = request.amount("Amount");
        String payer = request.msisdn("PartyA");
        String phone = request.msisdn("PhoneNumber");
        String partyB = request.shortCode("PartyB");
        var callbackUrl = request.url("CallBackURL");
        request.length("AccountReference", PAYBILL.equals(type), 1, 12);
        request.length("TransactionDesc", false, 1, 13);

        Instant now = Instant.now();
        MpesaSandboxTransaction push;
        Outcome outcome;
        synchronized (ledger) {   // the subscriber lock and rule 17 look at the pushes before this one
            if (ledger.hasPendingPush(phone, now)) {
                throw MpesaSandboxException.merchant(
                        "Unable to lock subscriber, a transaction is already in process for the current subscriber");
            }
            outcome = outcome(type, shortCode, partyB, phone, amount, now, settings.current());
            String resultCode = outcome.resultCode();
            push = new MpesaSandboxTransaction(MpesaSandboxTransaction.Kind.STK_PUSH,
                    MpesaSandboxIds.checkoutRequestId(now, phone), MpesaSandboxIds.merchantRequestId(), null, phone,
                    amount, partyB, resultCode, MpesaResultCodes.stk(resultCode), false,
                    MpesaResultCodes.SUCCESS.equals(resultCode) ? MpesaSandboxIds.receipt() : null, null, callbackUrl,
                    null, request.json(), now, now.plus(outcome.delay()), new AtomicBoolean());
            if (!ledger.add(push)) {
                throw MpesaSandboxException.of(MpesaErrorBody.INTERNAL_ERROR);
            }
        }
        if (push.succeeded()) {
            accounts.collect(partyB, amount);
        }
        log.debug("M-Pesa sandbox STK push to {} of {} from {}: ResultCode {} after {}", partyB, amount,
                PhoneNumbers.mask(payer), push.resultCode(), outcome.delay());
        if (!call.suppressCallback()) {
            callbacks.post(callbackUrl, () -> MpesaSandboxResults.stkCallback(push), outcome.delay(),
                    "STK callback for " + PhoneNumbers.mask(phone));
        }
        return ResponseEntity.ok(MpesaSandboxResults.pushAccepted(push));
    }

    /** {@code POST /mpesa/stkpushquery/v1/query}: "being processed" (an error envelope) until the push ends (docs/providers.md#daraja-stk-query). */
    ResponseEntity<Object> query(HttpHeaders headers, JsonNode raw) {
        MpesaSandboxRequest request = request(headers, raw);
        authenticate(request);
        String checkoutRequestId = request.required("CheckoutRequestID");
        MpesaSandboxTransaction push = ledger.find(checkoutRequestId)
                .filter(found -> found.kind() == MpesaSandboxTransaction.Kind.STK_PUSH)
                .orElseThrow(() -> MpesaSandboxException.invalid("CheckoutRequestID"));
        if (!push.isFinal(Instant.now())) {
            return ResponseEntity.status(500).body(MpesaErrorBody.of(MpesaErrorBody.MERCHANT,
                    "The transaction is being processed", checkoutRequestId));
        }
        return ResponseEntity.ok(MpesaSandboxResults.stkQuery(push));
    }

    /** A body Daraja cannot read as JSON is blamed on the first field: "Invalid BusinessShortCode" (docs/providers.md#daraja-hosts). */
    private static MpesaSandboxRequest request(HttpHeaders headers, JsonNode raw) {
        MediaType contentType = headers.getContentType();
        if (contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            throw MpesaSandboxException.invalid("BusinessShortCode");
        }
        return MpesaSandboxRequest.of(raw);
    }

    /** The shortcode must have a passkey, and Password must be Base64(shortcode + passkey + Timestamp) (docs/providers.md#daraja-stk-push). */
    private String authenticate(MpesaSandboxRequest request) {
        String shortCode = request.shortCode("BusinessShortCode");
        String passkey = properties.passkeys().get(shortCode);
        if (passkey == null) {
            throw MpesaSandboxException.merchant("Merchant does not exist");
        }
        String timestamp = request.required("Timestamp");
        try {
            LocalDateTime.parse(timestamp, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw MpesaSandboxException.invalid("Timestamp");
        }
        String expected = Base64.getEncoder().encodeToString(
                (shortCode + passkey + timestamp).getBytes(StandardCharsets.UTF_8));
        String password = request.text("Password");
        if (password == null || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw MpesaSandboxException.merchant("Wrong credentials");
        }
        return shortCode;
    }

    private record Outcome(String resultCode, Duration delay) {
    }

    /** What the customer's phone will answer: wiring errors, limits, rule 17, then the configured rules. */
    private Outcome outcome(String type, String shortCode, String partyB, String phone, BigDecimal amount,
                            Instant now, MpesaSandboxSettings.Values current) {
        Duration delay = current.callbackDelay();
        if (PAYBILL.equals(type) && !partyB.equals(shortCode)) {
            // A paybill push pays the BusinessShortCode itself; anything else reaches no operator.
            return new Outcome("SFC_IC0003", delay);
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return new Outcome("3", delay);
        }
        if (isDuplicate(phone, amount, now, current.duplicateWindow())) {
            return new Outcome("17", delay);
        }
        Optional<MpesaSandboxRules.Decision> decision = rules.decide(phone, amount);
        return decision.map(rule -> new Outcome(rule.resultCode(), rule.delay() != null ? rule.delay() : delay))
                .orElse(new Outcome(MpesaResultCodes.SUCCESS, delay));
    }

    /** Rule 17: the same amount to the same customer within the window (docs/providers.md#daraja-stk-result-codes). */
    private boolean isDuplicate(String phone, BigDecimal amount, Instant now, Duration window) {
        if (window.isZero()) {
            return false;
        }
        return ledger.pushesTo(phone).stream().anyMatch(push -> push.amount().compareTo(amount) == 0
                && push.createdAt().isAfter(now.minus(window)));
    }
}
