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
import io.mmg.gateway.provider.SharedTokenBucket;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    private final SharedTokenBucket pace;
    private final NamedParameterJdbcTemplate named;
    private final String claimRows = sql("claim-batch-items.sql");
    private final String insertPayments = sql("insert-payout-payments.sql");
    private final String markSet = sql("mark-payout-set.sql");
    /** Send threads not taken: a set is claimed only when each of its rows can leave on its own thread at once. */
    private final Semaphore threadsFree;
    private volatile ExecutorService sendThreads;

    public BatchPayouts(JdbcTemplate jdbc, @Lazy ProducerTemplate producer, CamelContext camel, PayoutRowValidator validator,
                        BatchSettings settings, ObjectMapper json, CallbackSecrets callbackSecrets, ProviderRules providers,
                        DailyLimits dailyLimits, InitiationBudget budget) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.threadsFree = new Semaphore(settings.threads());
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
        // Every instance's worker pays rows at once, so the rate is counted in the database, for all of them.
        this.pace = new SharedTokenBucket(jdbc, "batch-payouts", settings.ratePerSecond(), SharedTokenBucket.SYSTEM);
    }

    /**
     * One firing of the worker: claims a set as soon as enough send threads are free, stores its payments, hands each
     * row to its own thread, and claims the next set at once, while sets come back full (for at most {@link #DRAIN}).
     * A set's rows are marked by the thread of its last row to finish, so claims and stores overlap earlier sets'
     * provider calls; nothing waits for a whole set. Returns when the sets it sent have finished.
     */
    public void drain() throws InterruptedException {
        int size = settings.rowsPerSet();
        long ends = System.nanoTime() + DRAIN.toNanos();
        try {
            while (!camel.isStopping() && !camel.isStopped() && System.nanoTime() - ends < 0) {
                threadsFree.acquire(size);
                if (paySet(size) < size) {
                    break;
                }
            }
        } finally {
            threadsFree.acquire(settings.threads());   // every set of this firing has finished
            threadsFree.release(settings.threads());
        }
    }

    /** Claims, stores and sends one set; the caller holds {@code size} send threads. Returns the rows claimed. */
    private int paySet(int size) {
        int sending = 0;
        try {
            List<Map<String, Object>> claimed = named.queryForList(named(claimRows),
                    Map.of("limit", size, "leaseSeconds", Math.max(1, settings.lease().toSeconds())));
            PayoutSet set = new PayoutSet(claimed.size());
            List<PayoutSend> toSend = store(claimed, set);
            if (toSend.isEmpty()) {
                finish(set);
                return claimed.size();
            }
            AtomicInteger unfinished = new AtomicInteger(toSend.size());
            ExecutorService threads = sendThreads();
            for (PayoutSend send : toSend) {
                threads.execute(() -> {
                    try {
                        send(send);
                    } finally {
                        if (unfinished.decrementAndGet() == 0) {
                            finish(set);
                        }
                        threadsFree.release();
                    }
                });
                sending++;
            }
            return claimed.size();
        } finally {
            threadsFree.release(size - sending);
        }
    }

    /** Marks the set's rows (mark-payout-set.sql) and settles those it left; a failure leaves them to the lease. */
    private void finish(PayoutSet set) {
        try {
            if (!set.followed.isEmpty() || !set.sent.isEmpty()) {
                settle(named.queryForList(named(markSet), markParams(set)), set);
            }
        } catch (RuntimeException e) {
            log.warn("Payout set not marked; its rows are followed when their lease runs out: {}", e.toString());
        }
    }

    private ExecutorService sendThreads() {
        if (sendThreads == null) {
            synchronized (this) {
                if (sendThreads == null) {
                    // Pool size gateway.batches.threads (camel.threadpool.config.batch-payouts); stopped with Camel.
                    sendThreads = camel.getExecutorServiceManager().newThreadPool(this, "batch-payouts", "batch-payouts");
                }
            }
        }
        return sendThreads;
    }

    /**
     * Stores the payments of a claimed set in one statement and returns the rows to send. Rows whose payment an
     * earlier claim created are followed, never sent; a row that no longer passes the checks or the daily limit is
     * refused; a second row of the same number waits for the next set (the daily limit counts one at a time).
     */
    List<PayoutSend> store(List<Map<String, Object>> claimed, PayoutSet set) {
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
        // One statement for the set's permits (SharedTokenBucket), not one per row.
        pace.acquire(toStore.size());
        // One number order for every set: the daily-limit locks of two sets are always taken in the same order.
        toStore.sort(Comparator.comparing((PayoutSend send) -> send.request.msisdn()).thenComparing(send -> send.itemId));
        List<Map<String, Object>> stored;
        try {
            stored = named.queryForList(named(insertPayments), Map.of("rows", rowsJson(toStore)));
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
    private void send(PayoutSend send) {
        Exchange answer = producer.send("direct:send-stored-payment", exchange -> {
            exchange.setProperty(ExchangeProperties.CLIENT, new AuthenticatedClient(send.clientId, "payout batch"));
            exchange.setProperty(ExchangeProperties.REQUEST, send.request);
            exchange.setProperty(ExchangeProperties.CALLBACK_TOKEN, send.callbackSecret.token());
            exchange.getMessage().setBody(send.payment);
        });
        send.answer = answer.getMessage().getBody(String.class);
    }

    /** mark-payout-set.sql: the rows of the set that were sent or followed. */
    private Map<String, Object> markParams(PayoutSet set) {
        List<Long> items = new ArrayList<>(set.followed);
        set.sent.forEach(send -> items.add(send.itemId));
        return Map.of("items", jsonArray(items), "followed", jsonArray(set.followed), "notSent", String.join(",", NOT_SENT));
    }

    /** The rows mark-payout-set.sql left: refused when no payment exists, paused when nothing could be sent. */
    private void settle(List<Map<String, Object>> left, PayoutSet set) {
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

    /** The statements are written for the routes' sql: endpoints (:#name); Spring's named parameters are :name. */
    private static String named(String statement) {
        return statement.replace(":#", ":");
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
