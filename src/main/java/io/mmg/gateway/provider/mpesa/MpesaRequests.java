package io.mmg.gateway.provider.mpesa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderConfigurationException;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.security.Secrets;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds Daraja requests (docs/providers.md#safaricom-daraja): STK push and query, B2C v3, reversal and transaction
 * status. Every asynchronous result comes back to a URL that carries the payment id and a per-payment
 * secret, so it is matched even when the synchronous answer was lost.
 */
@Component("mpesaRequests")
public class MpesaRequests {

    public static final String TOKEN = "token";
    public static final String STK_PUSH = "stkpush";
    public static final String STK_QUERY = "stkpushquery";
    public static final String B2C = "b2c";
    public static final String REVERSAL = "reversal";
    public static final String TRANSACTION_STATUS = "transactionstatus";
    /** Where Daraja's callbacks come (routes/mpesa-callbacks.yaml); a neutral word, see {@link #callbackUrl}. */
    public static final String CALLBACK_PATH = "/callbacks/daraja";

    /** Daraja's clock is Kenyan; both popular SDKs send UTC and are accepted (docs/providers.md#daraja-stk-push), we send East Africa Time. */
    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** docs/providers.md#daraja-stk-push: AccountReference at most 12 characters, TransactionDesc at most 13. */
    static final int MAX_ACCOUNT_REFERENCE = 12;
    static final int MAX_TRANSACTION_DESC = 13;
    /** docs/providers.md#daraja-b2c: Remarks 2 to 100 characters, Occassion at most 100. */
    static final int MAX_REMARKS = 100;

    private final MpesaSettings settings;
    private final GatewayUrls urls;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    public MpesaRequests(MpesaSettings settings, GatewayUrls urls, ObjectMapper json) {
        this(settings, urls, json, Clock.systemUTC());
    }

    MpesaRequests(MpesaSettings settings, GatewayUrls urls, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.urls = urls;
        this.json = json;
        this.clock = clock;
    }

    /** The request that starts a payment of any M-Pesa product; {@code original} only for a refund. */
    public ProviderCall initiate(Payment payment, String callbackToken, Payment original) {
        return switch (MpesaProduct.of(payment.providerProduct())) {
            case STK_PUSH -> stkPush(payment, callbackToken);
            case B2C -> b2c(payment, callbackToken);
            case REVERSAL -> reversal(payment, original, callbackToken);
        };
    }

    /** M-Pesa Express (docs/providers.md#daraja-stk-push): the customer gets a PIN prompt; the result comes to CallBackURL. */
    ProviderCall stkPush(Payment payment, String callbackToken) {
        MpesaSettings.Stk stk = settings.stk();
        String timestamp = timestamp(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", numberOrText(stk.businessShortCode()));
        body.put("Password", password(stk.businessShortCode(), stk.passkey(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", stk.transactionType());
        body.put("Amount", wholeShillings(payment.amount()));
        body.put("PartyA", numberOrText(payment.phoneNumber()));
        body.put("PartyB", numberOrText(stk.partyB()));
        body.put("PhoneNumber", numberOrText(payment.phoneNumber()));
        body.put("CallBackURL", callbackUrl(payment, "stk", callbackToken));
        body.put("AccountReference", cut(payment.externalId() != null ? payment.externalId() : stk.accountReference(),
                MAX_ACCOUNT_REFERENCE));
        body.put("TransactionDesc", cut(payment.payerMessage() != null ? payment.payerMessage() : "Payment",
                MAX_TRANSACTION_DESC));
        return post(STK_PUSH, "/mpesa/stkpush/v1/processrequest", body);
    }

    /** B2C v3 (docs/providers.md#daraja-b2c): our payment id is the OriginatorConversationID, so a resend is answered 500.002.1001. */
    ProviderCall b2c(Payment payment, String callbackToken) {
        MpesaSettings.B2c b2c = settings.b2c();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("OriginatorConversationID", payment.id().toString());
        body.put("InitiatorName", b2c.initiatorName());
        body.put("SecurityCredential", b2c.securityCredential());
        body.put("CommandID", b2c.commandId());
        body.put("Amount", wholeShillings(payment.amount()).toString());
        body.put("PartyA", b2c.shortCode());
        body.put("PartyB", payment.phoneNumber());
        body.put("Remarks", remarks(payment.payeeNote(), "Payout"));
        body.put("QueueTimeOutURL", callbackUrl(payment, "timeout", callbackToken));
        body.put("ResultURL", callbackUrl(payment, "result", callbackToken));
        if (payment.externalId() != null) {
            body.put("Occassion", cut(payment.externalId(), MAX_REMARKS));   // sic: v3 spells it so (docs/providers.md#daraja-b2c)
        }
        return post(B2C, "/mpesa/b2c/v3/paymentrequest", body);
    }

    /** Reversal (docs/providers.md#daraja-reversal) of the collection whose M-Pesa receipt is the original payment's financialTransactionId. */
    ProviderCall reversal(Payment refund, Payment original, String callbackToken) {
        if (original == null || original.financialTransactionId() == null) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST, "NO_MPESA_RECEIPT",
                    "A reversal needs the original payment's M-Pesa receipt");
        }
        MpesaSettings.Initiator initiator = settings.reversal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", initiator.initiatorName());
        body.put("SecurityCredential", initiator.securityCredential());
        body.put("CommandID", "TransactionReversal");
        body.put("TransactionID", original.financialTransactionId());
        body.put("Amount", wholeShillings(refund.amount()).toString());
        body.put("ReceiverParty", settings.stk().partyB());
        body.put("RecieverIdentifierType", "11");   // sic (docs/providers.md#daraja-reversal)
        body.put("ResultURL", callbackUrl(refund, "result", callbackToken));
        body.put("QueueTimeOutURL", callbackUrl(refund, "timeout", callbackToken));
        body.put("Remarks", remarks(refund.payeeNote(), "Refund"));
        // Optional, 1 to 100 characters: an empty Occasion is left out rather than sent as "" (docs/mpesa.md).
        if (refund.externalId() != null && !refund.externalId().isBlank()) {
            body.put("Occasion", cut(refund.externalId(), MAX_REMARKS));
        }
        return post(REVERSAL, "/mpesa/reversal/v1/request", body);
    }

    /**
     * The status question for an open payment, or null when Daraja cannot be asked: an STK push whose
     * answer (and so its CheckoutRequestID) was lost, a reversal without its OriginatorConversationID.
     * B2C and reversals are asked through Transaction Status (docs/providers.md#daraja-transaction-status), whose result comes to a URL with
     * {@code statusToken}; STK pushes through the STK query (docs/providers.md#daraja-stk-query), answered at once.
     */
    public ProviderCall status(Payment payment, String statusToken) {
        return statusQuery(payment, statusToken, "status");
    }

    /**
     * The same question asked by a reconciliation run: a Transaction Status Result goes to the run's own URL
     * ({@code reconciliation-result}) with the run's secret, so the poller's query of the payment stays valid.
     */
    public ProviderCall reconciliationStatus(Payment payment, String replyToken) {
        return statusQuery(payment, replyToken, "reconciliation");
    }

    private ProviderCall statusQuery(Payment payment, String token, String resultKind) {
        return switch (MpesaProduct.of(payment.providerProduct())) {
            case STK_PUSH -> payment.providerReference() == null ? null : stkQuery(payment);
            case B2C -> transactionStatus(payment, payment.id().toString(), settings.b2c().shortCode(),
                    settings.b2c().initiator(), token, resultKind);
            case REVERSAL -> payment.providerReference() == null ? null
                    : transactionStatus(payment, payment.providerReference(), settings.stk().partyB(),
                    settings.reversal(), token, resultKind);
        };
    }

    /** A fresh secret for the Result of the next Transaction Status query, or null when none is needed. */
    public String newStatusToken(Payment payment) {
        MpesaProduct product = MpesaProduct.of(payment.providerProduct());
        boolean asksTransactionStatus = product == MpesaProduct.B2C
                || product == MpesaProduct.REVERSAL && payment.providerReference() != null;
        return asksTransactionStatus ? Secrets.urlToken() : null;
    }

    /** Parameters of set-status-token.sql: only the hash of the secret is stored. */
    public Map<String, Object> statusTokenParams(Payment payment, String statusToken) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", payment.id());
        params.put("statusTokenHash", Secrets.sha256(statusToken));
        return params;
    }

    ProviderCall stkQuery(Payment payment) {
        MpesaSettings.Stk stk = settings.stk();
        String timestamp = timestamp(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", stk.businessShortCode());
        body.put("Password", password(stk.businessShortCode(), stk.passkey(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("CheckoutRequestID", payment.providerReference());
        return post(STK_QUERY, "/mpesa/stkpushquery/v1/query", body);
    }

    private ProviderCall transactionStatus(Payment payment, String originatorConversationId, String partyA,
                                           MpesaSettings.Initiator initiator, String statusToken,
                                           String resultKind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", initiator.initiatorName());
        body.put("SecurityCredential", initiator.securityCredential());
        body.put("CommandID", "TransactionStatusQuery");
        if (payment.financialTransactionId() != null) {
            body.put("TransactionID", payment.financialTransactionId());
        }
        // Either the receipt or the Originator Conversation ID identifies the transaction (Daraja's Transaction Status page).
        body.put("OriginalConversationID", originatorConversationId);
        body.put("PartyA", partyA);
        body.put("IdentifierType", "4");
        body.put("ResultURL", callbackUrl(payment, resultKind + "-result", statusToken));
        body.put("QueueTimeOutURL", callbackUrl(payment, resultKind + "-timeout", statusToken));
        body.put("Remarks", "Status query");
        return post(TRANSACTION_STATUS, "/mpesa/transactionstatus/v1/query", body);
    }

    /** GET /oauth/v1/generate with the app's consumer key and secret as HTTP Basic (docs/providers.md#daraja-oauth). */
    public ProviderCall token() {
        String basic = Base64.getEncoder().encodeToString(
                (settings.consumerKey() + ":" + settings.consumerSecret()).getBytes(StandardCharsets.UTF_8));
        return new ProviderCall(TOKEN, "GET", "/oauth/v1/generate?grant_type=client_credentials",
                Map.of("Authorization", "Basic " + basic), null);
    }

    /** Base64 of shortcode + passkey + timestamp, the timestamp being the one sent beside it (docs/providers.md#daraja-stk-push). */
    static String password(String shortCode, String passkey, String timestamp) {
        return Base64.getEncoder().encodeToString((shortCode + passkey + timestamp).getBytes(StandardCharsets.UTF_8));
    }

    static String timestamp(Instant now) {
        return TIMESTAMP.format(now.atZone(NAIROBI));
    }

    /**
     * Our callback URLs: the payment id and a secret, since Daraja signs nothing (docs/providers.md#daraja-stk-callback). Under /callbacks/daraja:
     * Safaricom refuses URLs with "M-Pesa" (or Safaricom, exe, cmd, SQL, query) in them (docs/providers.md#daraja-c2b, docs/mpesa.md);
     * /callbacks/mpesa is still served for payments sent before the change.
     */
    String callbackUrl(Payment payment, String kind, String token) {
        return urls.publicUrl() + CALLBACK_PATH + "/" + payment.id() + "/" + kind + "?token=" + token;
    }

    private ProviderCall post(String operation, String path, Map<String, Object> body) {
        return new ProviderCall(operation, "POST", path, Map.of("Content-Type", "application/json"), write(body));
    }

    /** KES amounts are whole shillings (validated on the way in, docs/providers.md#daraja-stk-push). */
    private static java.math.BigInteger wholeShillings(BigDecimal amount) {
        return amount.stripTrailingZeros().toBigIntegerExact();
    }

    /** Daraja's samples send shortcodes and numbers as JSON numbers; anything non-numeric goes as text. */
    private static Object numberOrText(String value) {
        return value.matches("\\d{1,18}") ? (Object) Long.valueOf(value) : value;
    }

    private static String remarks(String text, String fallback) {
        String remarks = text == null || text.isBlank() ? fallback : text;
        return cut(remarks.length() < 2 ? fallback : remarks, MAX_REMARKS);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
