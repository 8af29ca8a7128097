package io.mmg.gateway.payment;

import io.mmg.gateway.api.ApiErrors;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Prepares a validated request for storage: a fresh payment id (UUID v4, which is also MTN's
 * X-Reference-Id), the per-payment callback secret (only its hash is stored) and the Idempotency-Key.
 */
@Component("paymentRecords")
public class PaymentRecords {

    private static final Pattern IDEMPOTENCY_KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final PaymentRows rows;
    private final long pollAfterCrashSeconds;
    private final ProviderRules providers;
    private final CallbackSecrets callbackSecrets;
    private final DailyLimits dailyLimits;

    public PaymentRecords(PaymentRows rows, InitiationBudget budget, ProviderRules providers,
                          CallbackSecrets callbackSecrets, DailyLimits dailyLimits) {
        this.rows = rows;
        this.pollAfterCrashSeconds = budget.seconds();
        this.providers = providers;
        this.callbackSecrets = callbackSecrets;
        this.dailyLimits = dailyLimits;
    }

    /** Reads the optional Idempotency-Key header into the exchange before anything else touches headers. */
    public void readIdempotencyKey(Exchange exchange) {
        String key = exchange.getMessage().getHeader("Idempotency-Key", String.class);
        if (key == null || key.isEmpty()) {
            return;
        }
        if (!IDEMPOTENCY_KEY_FORMAT.matcher(key).matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces",
                    Map.of("header", "Idempotency-Key"));
        }
        exchange.setProperty(ExchangeProperties.IDEMPOTENCY_KEY, key);
    }

    /** Parameters of insert-payment.sql for the request in the exchange. */
    public Map<String, Object> insertParams(Exchange exchange) {
        PaymentRequest request = exchange.getProperty(ExchangeProperties.REQUEST, PaymentRequest.class);
        PaymentClient client = exchange.getProperty(ExchangeProperties.CLIENT, PaymentClient.class);
        CallbackSecrets.Issued callbackSecret = callbackSecrets.issue();
        exchange.setProperty(ExchangeProperties.CALLBACK_TOKEN, callbackSecret.token());

        Map<String, Object> params = new HashMap<>();
        UUID preset = exchange.getProperty(ExchangeProperties.PRESET_PAYMENT_ID, UUID.class);
        params.put("id", preset != null ? preset : UUID.randomUUID());
        params.put("clientId", client.id());
        params.put("type", request.type().name());
        params.put("provider", request.product().provider().name());
        params.put("product", request.product().product());
        params.put("amount", request.amount());
        params.put("currency", request.currency());
        params.put("country", request.country().code());
        params.put("phoneNumber", request.msisdn());
        params.put("externalId", request.externalId());
        params.put("payerMessage", request.payerMessage());
        params.put("payeeNote", request.payeeNote());
        params.put("metadata", request.metadataJson());
        params.put("idempotencyKey", exchange.getProperty(ExchangeProperties.IDEMPOTENCY_KEY, String.class));
        params.put("requestHash", request.requestHash());
        params.put("callbackTokenHash", callbackSecret.hash());
        Payment original = exchange.getProperty(ExchangeProperties.ORIGINAL_PAYMENT, Payment.class);
        params.put("originalPaymentId", original == null ? null : original.id());
        params.put("providerOperation", providers.operationFor(request.product(), request.type()));
        params.putAll(dailyLimits.params(request));
        // Not polled while its request may still be in flight; record-initiation.sql sets the real first poll.
        params.put("firstPollSeconds", pollAfterCrashSeconds);
        return params;
    }

    /** Parameters of count-send-attempt.sql, before a resend of the exchange's payment. */
    public Map<String, Object> resendParams(Exchange exchange) {
        return Map.of("id", exchange.getProperty(ExchangeProperties.PAYMENT, Payment.class).id(), "leaseSeconds", pollAfterCrashSeconds);
    }

    /** Keeps a stored row as the exchange's payment (and its routing key) for the steps that follow. */
    public Payment remember(Exchange exchange, Map<String, Object> row) {
        Payment payment = rows.toPayment(row);
        exchange.setProperty(ExchangeProperties.PAYMENT, payment);
        exchange.setProperty(ExchangeProperties.ROUTE_KEY, payment.routeKey());
        // From here on, a failure tells the caller that the payment exists (ApiErrors).
        exchange.setProperty(ExchangeProperties.STORED_PAYMENT_ID, payment.id());
        return payment;
    }

    /**
     * Parameters of select-payment-by-idempotency-key.sql. A first request is in flight for at most the initiation
     * budget, the same lease after which the poller takes over a payment whose request died.
     */
    public Map<String, Object> idempotencyLookup(Exchange exchange) {
        PaymentClient client = exchange.getProperty(ExchangeProperties.CLIENT, PaymentClient.class);
        return Map.of("clientId", client.id(), "idempotencyKey", exchange.getProperty(ExchangeProperties.IDEMPOTENCY_KEY, String.class),
                "leaseSeconds", pollAfterCrashSeconds);
    }
}
