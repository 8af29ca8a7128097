package io.mmg.gateway.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.ProviderFailures;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.provider.SharedTokenBucket;
import io.mmg.gateway.provider.mpesa.MpesaRequests;
import io.mmg.gateway.provider.mtn.MtnResponses;
import io.mmg.gateway.security.Secrets;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of checking one payment of a run (routes/reconciliation.yaml, routes/mpesa-reconciliation.yaml):
 * claim, pace, ask, and record what was found. The exchange properties they share are named below.
 */
@Component("reconciliationChecks")
public class ReconciliationChecks {

    private final ReconciliationSettings settings;
    private final MpesaRequests mpesaRequests;
    private final MtnResponses mtnResponses;
    private final ObjectMapper json;
    private final SharedTokenBucket pace;

    public ReconciliationChecks(ReconciliationSettings settings, MpesaRequests mpesaRequests,
                                MtnResponses mtnResponses, ObjectMapper json, JdbcTemplate jdbc) {
        this.settings = settings;
        this.mpesaRequests = mpesaRequests;
        this.mtnResponses = mtnResponses;
        this.json = json;
        // Every instance's worker checks items at once, so the rate is counted in the database, for all of them.
        this.pace = new SharedTokenBucket(jdbc, "reconciliation-checks", settings.ratePerSecond(), SharedTokenBucket.SYSTEM);
    }

    /** claim-reconciliation-items.sql: one tick's worth at the configured rate, leased to this instance. */
    public Map<String, Object> claimParams() {
        return Map.of("limit", settings.itemsPerTick(), "leaseSeconds", Math.max(1, settings.lease().toSeconds()));
    }

    /** The item columns of a claimed or looked-up row (whose other columns are the payment's). */
    public ReconciliationItem item(Map<String, Object> row) {
        return new ReconciliationItem(((Number) row.get("item_id")).longValue(), (UUID) row.get("item_run_id"),
                ((Number) row.get("item_attempts")).intValue(), PaymentStatus.valueOf((String) row.get("status")));
    }

    /** Claimed again and again without being recorded (each time, the instance died or the check failed). */
    public Verdict gaveUpOn(ReconciliationItem item) {
        if (item.attempts() <= settings.maxAttempts()) {
            return null;
        }
        return Verdict.of(ReconciliationResult.UNVERIFIED, item.statusBefore(),
                "Not checked: " + (item.attempts() - 1) + " attempts did not finish");
    }

    /**
     * The secret for the Result of an M-Pesa Transaction Status query (B2C, reversal), or null when the provider
     * answers at once. The run's own secret keeps the poller's query of the same payment valid.
     */
    public String replyToken(Payment payment) {
        return payment.provider() == Provider.MPESA ? mpesaRequests.newStatusToken(payment) : null;
    }

    /** await-reconciliation-result.sql: the item waits for its Result, at most gateway.reconciliation.result-wait. */
    public Map<String, Object> awaitParams(Exchange exchange) {
        ReconciliationItem item = exchange.getProperty(ExchangeProperties.RECONCILIATION_ITEM, ReconciliationItem.class);
        Map<String, Object> params = new HashMap<>();
        params.put("itemId", item.id());
        params.put("replyTokenHash", Secrets.sha256(exchange.getProperty(ExchangeProperties.RECONCILIATION_TOKEN, String.class)));
        params.put("statusBefore", item.statusBefore().name());
        params.put("awaitSeconds", Math.max(1, settings.resultWait().toSeconds()));
        return params;
    }

    /**
     * Whether a payment whose provider could not be asked (unreachable, throttled, circuit open) is asked again
     * later: until it has been claimed max-attempts times, then it is unverified with the reason.
     */
    public boolean retries(ReconciliationItem item) {
        return item.attempts() < settings.maxAttempts();
    }

    /** retry-reconciliation-item.sql: back to be checked after gateway.reconciliation.retry-delay. */
    public Map<String, Object> retryParams(Exchange exchange) {
        return Map.of("itemId", exchange.getProperty(ExchangeProperties.RECONCILIATION_ITEM, ReconciliationItem.class).id(),
                "retrySeconds", Math.max(1, settings.retryDelay().toSeconds()));
    }

    /** expire-reconciliation-waits.sql. */
    public Map<String, Object> expiryParams() {
        return Map.of("note", "M-Pesa sent no Transaction Status result within " + settings.resultWait());
    }

    /** Waits for a turn at gateway.reconciliation.rate-per-second, counted across all instances. */
    public void pace() {
        pace.acquire();
    }

    /** What the provider's answer says the amount is; MTN's status body states it, M-Pesa's STK query does not. */
    public BigDecimal statedAmount(Payment payment, ProviderOutcome outcome) {
        return payment.provider() == Provider.MTN_MOMO ? mtnResponses.statedAmount(outcome.providerResponse()) : null;
    }

    /** The provider could not be asked (circuit open, unreachable, 5xx, ...): no answer about the payment. */
    public ProviderOutcome unanswered(Exchange exchange) {
        return ProviderFailures.outcomeFor(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** select-payment-for-callback.sql: the payment as it is now. */
    public Map<String, Object> paymentLookup(Payment payment) {
        return Map.of("id", payment.id());
    }

    /**
     * select-awaiting-reconciliation-item.sql for an M-Pesa Result posted to /callbacks/daraja/{paymentId}/
     * reconciliation-result?token=: the item is found by the hash of the secret in its URL.
     */
    public Map<String, Object> replyLookup(String paymentId, String token) {
        try {
            return Map.of("paymentId", UUID.fromString(paymentId), "replyTokenHash", Secrets.sha256(token));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.CALLBACK_REJECTED, "Callback rejected: malformed payment id or token");
        }
    }

    /** record-reconciliation-item.sql. */
    public Map<String, Object> recordParams(Exchange exchange) {
        Check check = Check.of(exchange);
        Map<String, Object> params = new HashMap<>();
        params.put("itemId", check.item().id());
        params.put("result", check.verdict().result().name());
        params.put("statusBefore", check.item().statusBefore().name());
        params.put("statusAfter", (check.verdict().statusAfter() != null ? check.verdict().statusAfter()
                : check.payment().status()).name());
        params.put("providerStatus", check.said() == null ? null : ReconciliationRules.providerStatus(check.said()));
        params.put("providerAmount", check.providerAmount());
        params.put("providerReference", check.said() == null ? null : check.said().financialTransactionId());
        params.put("note", check.verdict().note());
        return params;
    }

    /** insert-payment-event.sql: the mismatch in the payment's history, with both sides. Its status is untouched. */
    public Map<String, Object> mismatchEvent(Exchange exchange) {
        Check check = Check.of(exchange);
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("status", check.payment().status().name());
        ours.put("amount", plain(check.payment().amount()));
        ours.put("currency", check.payment().currency());
        Map<String, Object> theirs = new LinkedHashMap<>();
        theirs.put("status", ReconciliationRules.providerStatus(check.said()));
        theirs.put("amount", plain(check.providerAmount()));
        theirs.put("reference", check.said().financialTransactionId());
        theirs.put("reason", check.said().providerReason());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runId", check.item().runId().toString());
        details.put("ours", ours);
        details.put("provider", theirs);
        details.put("note", check.verdict().note());
        Map<String, Object> params = new HashMap<>();
        params.put("id", check.payment().id());
        params.put("type", "RECONCILIATION_MISMATCH");
        params.put("reason", check.verdict().mismatch() + "_MISMATCH");
        params.put("source", "RECONCILIATION");
        params.put("details", write(details));
        return params;
    }

    /** What a check of one payment holds in the exchange once the provider's answer is judged. */
    private record Check(ReconciliationItem item, Payment payment, ProviderOutcome said, BigDecimal providerAmount,
                         Verdict verdict) {
        static Check of(Exchange exchange) {
            return new Check(exchange.getProperty(ExchangeProperties.RECONCILIATION_ITEM, ReconciliationItem.class),
                    exchange.getProperty(ExchangeProperties.PAYMENT, Payment.class),
                    exchange.getProperty(ExchangeProperties.PROVIDER_OUTCOME, ProviderOutcome.class),
                    exchange.getProperty(ExchangeProperties.PROVIDER_AMOUNT, BigDecimal.class),
                    exchange.getProperty(ExchangeProperties.VERDICT, Verdict.class));
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
