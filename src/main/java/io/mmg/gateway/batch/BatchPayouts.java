package io.mmg.gateway.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.CallbackSecrets;
import io.mmg.gateway.payment.DailyLimits;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.InitiationBudget;
import io.mmg.gateway.payment.PaymentRequest;
import io.mmg.gateway.payment.ProviderRules;
import io.mmg.gateway.provider.TokenBucket;
import io.mmg.gateway.security.AuthenticatedClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pays the rows of payout batches in sets (routes/batches.yaml, docs/batches.md "Never twice, never lost"): a set
 * loop claims a set of rows (claim-batch-items.sql fixes each row's payment id), stores the set's payments in one
 * statement (insert-payout-payments.sql, which pays nothing of a batch paused or cancelled since the claim), sends
 * them all at once through the normal payment lifecycle (direct:send-stored-payment), then marks the set in one
 * statement (mark-payout-set.sql). A crash at any point leaves each row with at most one payment: the next claim
 * finds it and follows it. When the provider cannot be reached (circuit open, outage) the batch pauses and the row
 * waits.
 *
 * <p>A set is never bigger than the threads that send it, so every payment of a set leaves as soon as it is stored:
 * the poller leaves a new payment alone only for the initiation budget of one request (InitiationBudget).
 */
@Component("batchPayouts")
public class BatchPayouts {

    private static final Logger log = LoggerFactory.getLogger(BatchPayouts.class);
    /** A payment that failed because nothing could be sent: the row is tried again after the pause. */
    private static final List<String> NOT_SENT = List.of(FailureReason.PROVIDER_UNAVAILABLE.name(),
            FailureReason.PROVIDER_AUTHENTICATION_FAILED.name(), FailureReason.PROVIDER_REJECTED_REQUEST.name());
    /**
     * How long one firing of the worker keeps claiming sets while they come back full: then it closes finished
     * batches (complete-batches.sql) and gives the scheduler's thread back; the next firing carries on.
     */
    static final Duration DRAIN = Duration.ofSeconds(10);
    /** Exchange property of a set loop: the set in hand. */
    static final String SET = "payoutSet";
    /** Exchange property of a set loop: when it stops claiming (System.nanoTime). */
    static final String DRAIN_ENDS = "payoutDrainEnds";

    private final JdbcTemplate jdbc;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final PayoutRowValidator validator;
    private final BatchSettings settings;
    private final ObjectMapper json;
    private final CallbackSecrets callbackSecrets;
    private final ProviderRules providers;
    private final DailyLimits dailyLimits;
    private final long firstPollSeconds;
    private final TokenBucket pace;
    /** Its one parameter is named as in the routes' sql: endpoints (:#rows) and bound here by position. */
    private final String insertPayments = sql("insert-payout-payments.sql").replace(":#rows", "?");

    public BatchPayouts(JdbcTemplate jdbc, @Lazy ProducerTemplate producer, CamelContext camel, PayoutRowValidator validator,
                        BatchSettings settings, ObjectMapper json, CallbackSecrets callbackSecrets, ProviderRules providers,
                        DailyLimits dailyLimits, InitiationBudget budget) {
        this.jdbc = jdbc;
        this.producer = producer;
        this.camel = camel;
        this.validator = validator;
        this.settings = settings;
        this.json = json;
        this.callbackSecrets = callbackSecrets;
        this.providers = providers;
        this.dailyLimits = dailyLimits;
        // As insert-payment.sql: not polled while its request may still be in flight; record-initiation.sql sets the first poll.
        this.firstPollSeconds = budget.seconds();
        this.pace = new TokenBucket(settings.ratePerSecond(), TokenBucket.SYSTEM);
    }

    /** The set loops of one firing of the worker, side by side (their number: BatchSettings.setLoops). */
    public List<Integer> setLoops() {
        return IntStream.rangeClosed(1, settings.setLoops()).boxed().toList();
    }

    /** Whether a set loop claims another set: while the last one came back full, for at most {@link #DRAIN}. */
    public boolean claimAgain(Exchange exchange) {
        if (camel.isStopping() || camel.isStopped()) {
            return false;
        }
        Long ends = exchange.getProperty(DRAIN_ENDS, Long.class);
        if (ends == null) {
            exchange.setProperty(DRAIN_ENDS, System.nanoTime() + DRAIN.toNanos());
            return true;
        }
        PayoutSet last = exchange.getProperty(SET, PayoutSet.class);
        return last != null && last.claimed == settings.rowsPerSet() && System.nanoTime() - ends < 0;
    }

    /** claim-batch-items.sql: one set, leased to this instance. */
    public Map<String, Object> claimParams() {
        return Map.of("limit", settings.rowsPerSet(), "leaseSeconds", Math.max(1, settings.lease().toSeconds()));
    }

    /**
     * Stores the payments of a claimed set in one statement and returns the rows to send. Rows whose payment an
     * earlier claim created are followed, never sent; a row that no longer passes the checks or the daily limit is
     * refused; a second row of the same number waits for the next set (the daily limit counts one at a time).
     */
    public List<PayoutSend> store(List<Map<String, Object>> claimed, Exchange exchange) {
        PayoutSet set = new PayoutSet(claimed.size());
        exchange.setProperty(SET, set);
        List<PayoutSend> toStore = new ArrayList<>();
        List<Long> deferred = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (Map<String, Object> item : claimed) {
            long itemId = ((Number) item.get("id")).longValue();
            if (Boolean.TRUE.equals(item.get("payment_exists"))) {
                set.followed.add(itemId);
                continue;
            }
            PayoutRowValidator.Verdict verdict = validator.validate(row(item));
            if (!verdict.isValid()) {
                refuse(itemId, verdict.errorCode(), verdict.errorMessage());
                continue;
            }
            PaymentRequest request = verdict.request();
            if (!numbers.add(request.msisdn() + "|" + request.currency())) {
                deferred.add(itemId);
                continue;
            }
            toStore.add(new PayoutSend(itemId, (UUID) item.get("batch_id"), (UUID) item.get("client_id"),
                    (UUID) item.get("payment_id"), request, callbackSecrets.issue()));
        }
        release(deferred);
        if (toStore.isEmpty()) {
            return List.of();
        }
        // The set's share of the pace is waited for before its payments exist: once stored, each leaves at once.
        toStore.forEach(send -> pace.acquire());
        // One number order for every set: the daily-limit locks of two sets are always taken in the same order.
        toStore.sort(Comparator.comparing((PayoutSend send) -> send.request.msisdn()).thenComparing(send -> send.itemId));
        List<Map<String, Object>> stored;
        try {
            stored = jdbc.queryForList(insertPayments, rowsJson(toStore));
        } catch (RuntimeException e) {
            // Nothing of the set was stored: its rows (payment ids kept) are claimed again at once, not after the lease.
            release(toStore.stream().map(send -> send.itemId).toList());
            throw e;
        }
        return sendable(toStore, stored, set);
    }

    private List<PayoutSend> sendable(List<PayoutSend> toStore, List<Map<String, Object>> stored, PayoutSet set) {
        Map<Long, PayoutSend> byItem = toStore.stream().collect(Collectors.toMap(send -> send.itemId, send -> send));
        List<PayoutSend> toSend = new ArrayList<>();
        List<Long> stopped = new ArrayList<>();
        for (Map<String, Object> result : stored) {
            PayoutSend send = byItem.get(((Number) result.get("item_id")).longValue());
            if (!Boolean.TRUE.equals(result.get("batch_open"))) {
                stopped.add(send.itemId);   // paused or cancelled since the claim
            } else if (Boolean.TRUE.equals(result.get("daily_limit_exceeded"))) {
                ApiException refusal = dailyLimits.refusal(send.request, (BigDecimal) result.get("daily_total"));
                refuse(send.itemId, refusal.code().name(), refusal.getMessage());
            } else if (result.get("id") == null) {
                set.followed.add(send.itemId);   // another instance stored this payment id first: followed, not sent
            } else {
                send.payment = result;
                set.sent.add(send);
                toSend.add(send);
            }
        }
        release(stopped);
        return toSend;
    }

    /** Sends one stored payment of the set and records the provider's answer (its own thread: the set leaves at once). */
    public void send(PayoutSend send) {
        Exchange answer = producer.send("direct:send-stored-payment", exchange -> {
            exchange.setProperty(ExchangeProperties.CLIENT, new AuthenticatedClient(send.clientId, "payout batch"));
            exchange.setProperty(ExchangeProperties.REQUEST, send.request);
            exchange.setProperty(ExchangeProperties.CALLBACK_TOKEN, send.callbackSecret.token());
            exchange.getMessage().setBody(send.payment);
        });
        send.answer = answer.getMessage().getBody(String.class);
    }

    /** mark-payout-set.sql: the rows of the set that were sent or followed. */
    public Map<String, Object> markParams(Exchange exchange) {
        PayoutSet set = exchange.getProperty(SET, PayoutSet.class);
        List<Long> items = new ArrayList<>(set.followed);
        set.sent.forEach(send -> items.add(send.itemId));
        return Map.of("items", jsonArray(items), "followed", jsonArray(set.followed), "notSent", String.join(",", NOT_SENT));
    }

    /** The rows mark-payout-set.sql left: refused when no payment exists, paused when nothing could be sent. */
    public void settle(List<Map<String, Object>> left, Exchange exchange) {
        PayoutSet set = exchange.getProperty(SET, PayoutSet.class);
        for (Map<String, Object> row : left) {
            long itemId = ((Number) row.get("id")).longValue();
            if (row.get("payment_status") == null) {
                JsonNode error = errorOf(set.answerOf(itemId));
                refuse(itemId, error.path("code").asText("INTERNAL_ERROR"), error.path("error").asText("The payment was refused"));
            } else {
                pause((UUID) row.get("batch_id"), itemId, (String) row.get("payment_reason"));
            }
        }
    }

    private void pause(UUID batchId, long itemId, String reason) {
        jdbc.update("""
                UPDATE disbursement_batch SET status = 'PAUSED', status_reason = ?,
                       paused_until = now() + make_interval(secs => ?)
                 WHERE id = ? AND status = 'PROCESSING'""",
                "Provider unavailable (" + reason + "); resumes by itself", settings.pauseOnOutage().toSeconds(), batchId);
        // The not-sent payment stays FAILED in the history; the row gets a new payment next time.
        jdbc.update("UPDATE disbursement_batch_item SET payment_id = NULL, claimed_until = NULL WHERE id = ?", itemId);
        log.warn("Payout batch {} paused for {}: {}", batchId, settings.pauseOnOutage(), reason);
    }

    private void refuse(long itemId, String code, String message) {
        jdbc.update("""
                UPDATE disbursement_batch_item SET status = 'REFUSED', error_code = ?, error_message = ?, claimed_until = NULL
                 WHERE id = ?""", code, message, itemId);
    }

    /** Rows given back unpaid, their payment ids kept: the next claim takes them at once. */
    private void release(List<Long> itemIds) {
        if (!itemIds.isEmpty()) {
            jdbc.update("""
                    UPDATE disbursement_batch_item SET claimed_until = NULL
                     WHERE id IN (SELECT CAST(jsonb_array_elements_text(CAST(? AS jsonb)) AS BIGINT))""", jsonArray(itemIds));
        }
    }

    private String rowsJson(List<PayoutSend> sends) {
        ArrayNode rows = json.createArrayNode();
        for (PayoutSend send : sends) {
            PaymentRequest request = send.request;
            ObjectNode row = rows.addObject();
            row.put("item_id", send.itemId);
            row.put("id", send.paymentId.toString());
            row.put("client_id", send.clientId.toString());
            row.put("type", request.type().name());
            row.put("provider", request.product().provider().name());
            row.put("product", request.product().product());
            row.put("amount", request.amount().toPlainString());
            row.put("currency", request.currency());
            row.put("country", request.country().code());
            row.put("phone_number", request.msisdn());
            row.put("external_id", request.externalId());
            row.put("payer_message", request.payerMessage());
            row.put("payee_note", request.payeeNote());
            row.put("request_hash", request.requestHash());
            row.put("callback_token_hash", send.callbackSecret.hash());
            row.put("provider_operation", providers.operationFor(request.product(), request.type()));
            Map<String, Object> daily = dailyLimits.params(request);
            BigDecimal limit = (BigDecimal) daily.get("dailyLimit");
            row.put("daily_limit", limit == null ? null : limit.toPlainString());
            row.put("direction", (String) daily.get("direction"));
            row.put("daily_types", (String) daily.get("dailyTypes"));
            row.put("first_poll_seconds", firstPollSeconds);
        }
        return rows.toString();
    }

    private String jsonArray(List<Long> ids) {
        ArrayNode array = json.createArrayNode();
        ids.forEach(array::add);
        return array.toString();
    }

    private JsonNode errorOf(String answer) {
        try {
            return json.readTree(answer == null ? "{}" : answer);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static PayoutRow row(Map<String, Object> item) {
        return new PayoutRow(((Number) item.get("row_number")).intValue(), (String) item.get("external_id"),
                (String) item.get("phone_number"), (String) item.get("amount"), (String) item.get("currency"),
                (String) item.get("provider"), (String) item.get("narration"));
    }

    private static String sql(String file) {
        try {
            return new ClassPathResource("sql/" + file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sql/" + file, e);
        }
    }

    /** One row of a set on its way: what its payment is stored and sent with, and what came back. */
    public static final class PayoutSend {
        final long itemId;
        final UUID batchId;
        final UUID clientId;
        final UUID paymentId;
        final PaymentRequest request;
        final CallbackSecrets.Issued callbackSecret;
        volatile Map<String, Object> payment;
        volatile String answer;

        PayoutSend(long itemId, UUID batchId, UUID clientId, UUID paymentId, PaymentRequest request,
                   CallbackSecrets.Issued callbackSecret) {
            this.itemId = itemId;
            this.batchId = batchId;
            this.clientId = clientId;
            this.paymentId = paymentId;
            this.request = request;
            this.callbackSecret = callbackSecret;
        }
    }

    /** The set a loop has in hand: how many rows it claimed, which it sent, which it follows. */
    static final class PayoutSet {
        final int claimed;
        final List<Long> followed = new ArrayList<>();
        final List<PayoutSend> sent = new ArrayList<>();

        PayoutSet(int claimed) {
            this.claimed = claimed;
        }

        String answerOf(long itemId) {
            return sent.stream().filter(send -> send.itemId == itemId).map(send -> send.answer).findFirst().orElse(null);
        }
    }
}
