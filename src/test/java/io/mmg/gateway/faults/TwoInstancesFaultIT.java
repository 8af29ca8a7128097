package io.mmg.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.CallbackReceiver;
import io.mmg.gateway.support.FaultDatabase;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.JarProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two gateway instances on one database (issue 11): payments sent to both, MTN's callbacks lost so the pollers must
 * settle every one. MTN answers status queries slowly, so two instances asking about one payment at once would
 * overlap at MTN. Then both are asked to refresh open payments as fast as merchants can: MTN's status query limit
 * ({@code gateway.mtn.status-queries-per-second}) must hold for the two together, as MTN counts it per subscription.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesFaultIT {

    private static final int PAYMENTS = FaultForm.count("two.payments", 40, 150);
    private static final int OPEN_PAYMENTS = FaultForm.count("two.open-payments", 20, 40);
    private static final Duration HAMMER = FaultForm.seconds("two.refresh-seconds", 8, 30);
    private static final Duration SETTLE = FaultForm.seconds("settle-seconds", 60, 120);
    private static final int RATE = 4;
    private static final String DELAYED_NUMBER = "46733123454";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultDatabase database;
    private ProviderSide provider;
    private final List<JarProcess> gateways = new ArrayList<>();
    private CallbackReceiver webhooks;
    private final List<Merchant.Placed> orders = new ArrayList<>();
    private MoneyAudit audit;
    private String prefix;

    @BeforeAll
    void send_payments_to_both_instances_and_let_their_pollers_settle_them() throws Exception {
        Path runDir = FaultGateways.runDir(getClass());
        database = FaultDatabase.create("fault_two");
        provider = ProviderSide.start(runDir);
        for (String name : List.of("gateway-a", "gateway-b")) {
            gateways.add(FaultGateways.gateway(name, database, provider, runDir,
                    "--gateway.mtn.status-queries-per-second=" + RATE));
        }
        // One after the other: started at the same moment on a fresh database, one instance can fail to start
        // (both create the same Quartz triggers; docs/reliability.md "Findings"), which is not what this tests.
        gateways.forEach(JarProcess::startAndAwaitReady);
        webhooks = new CallbackReceiver();
        HttpResponseView endpoint = new GatewayHttp(gateways.get(0).port()).put("/api/v1/webhook-endpoint",
                FaultGateways.API_KEY, "{\"url\":\"" + webhooks.url("/webhooks") + "\"}");
        assertThat(endpoint.status()).as(endpoint.toString()).isIn(200, 201);

        provider.addFault("{\"operation\":\"requesttopay\",\"suppressCallback\":true}");
        provider.addFault("{\"operation\":\"requesttopay-status\",\"delayMs\":300}");
        prefix = "two-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        ExecutorService merchants = Executors.newFixedThreadPool(10);
        List<Future<Merchant.Placed>> placed = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            JarProcess gateway = gateways.get(i % 2);
            Merchant merchant = new Merchant(gateway::baseUrl);
            Merchant.Order order = new Merchant.Order(prefix + i, "256773" + (100000 + i), "1000", "UGX");
            placed.add(merchants.submit(() -> merchant.collect(order, Duration.ofSeconds(60), Duration.ofSeconds(20))));
        }
        for (Future<Merchant.Placed> outcome : placed) {
            orders.add(outcome.get(3, TimeUnit.MINUTES));
        }
        merchants.shutdown();
        audit = MoneyAudit.whenSettled(database, provider, prefix, SETTLE);
        awaitWebhooks(audit.payments().size());
        provider.clearFaults();
        report();
    }

    @AfterAll
    void stop() throws IOException {
        gateways.forEach(JarProcess::close);
        if (webhooks != null) {
            webhooks.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void every_payment_is_settled_by_the_pollers_and_agrees_with_the_provider() {
        assertThat(audit.payments()).hasSize(PAYMENTS);
        assertThat(audit.openPayments()).isEmpty();
        assertThat(audit.finalStatesContradictingTheProvider()).isEmpty();
        assertThat(audit.secondCharges()).isEmpty();
    }

    @Test
    void no_payment_is_asked_about_by_both_instances_at_once() {
        assertThat(statusQueriesAtOnce()).as("payments with two status queries in flight together at MTN").isEmpty();
    }

    @Test
    void every_final_payment_is_announced_by_one_webhook_delivered_once() {
        Map<String, Set<String>> eventsPerPayment = eventsPerPayment();
        assertThat(eventsPerPayment.keySet()).as("payments announced")
                .containsExactlyInAnyOrderElementsOf(audit.payments().stream().map(MoneyAudit.Stored::id).toList());
        assertThat(eventsPerPayment).as("payments announced by more than one event")
                .allSatisfy((payment, events) -> assertThat(events).hasSize(1));
        assertThat(deliveriesPerEvent()).as("events delivered more than once")
                .allSatisfy((event, deliveries) -> assertThat(deliveries).isEqualTo(1));
    }

    @Test
    void the_mtn_status_query_limit_holds_for_both_instances_together() throws Exception {
        List<String> open = new ArrayList<>();
        for (int i = 0; i < OPEN_PAYMENTS; i++) {
            Merchant merchant = new Merchant(gateways.get(i % 2)::baseUrl);
            Merchant.Placed placed = merchant.collect(new Merchant.Order(prefix + "open-" + i, DELAYED_NUMBER, "5",
                    "EUR"), Duration.ofSeconds(30), Duration.ofSeconds(10));
            open.addAll(placed.acceptedIds());
        }
        assertThat(open).hasSize(OPEN_PAYMENTS);
        Instant start = Instant.now();
        ExecutorService refreshers = Executors.newFixedThreadPool(8);
        for (int r = 0; r < 8; r++) {
            GatewayHttp http = new GatewayHttp(gateways.get(r % 2).port());
            int first = r;
            refreshers.submit(() -> {
                for (int i = first; Instant.now().isBefore(start.plus(HAMMER)); i++) {
                    http.get("/api/v1/payments/" + open.get(i % open.size()) + "?refresh=true", FaultGateways.API_KEY);
                }
            });
        }
        refreshers.shutdown();
        assertThat(refreshers.awaitTermination(HAMMER.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();
        long from = start.getEpochSecond() + 1;
        long to = start.plus(HAMMER).getEpochSecond() - 1;
        Map<Long, Long> perSecond = provider.perSecond("requesttopay-status");
        perSecond.keySet().removeIf(second -> second < from || second > to);
        long busiestThreeSeconds = 0;
        for (long second = from; second + 2 <= to; second++) {
            long sum = 0;
            for (long s = second; s <= second + 2; s++) {
                sum += perSecond.getOrDefault(s, 0L);
            }
            busiestThreeSeconds = Math.max(busiestThreeSeconds, sum);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("limitPerSecond", RATE);
        figures.put("perSecond", perSecond.values());
        figures.put("busiestThreeSeconds", busiestThreeSeconds);
        FaultReport.record("two-instances-rate", figures);

        // At the limit, three seconds hold 3 x RATE; a token bucket may start full (one more second's worth), and
        // the seconds are MTN's clock, not the pacer's (one or two more at a boundary). Twice the limit is 6 x RATE.
        assertThat(busiestThreeSeconds).as("MTN status queries in the busiest three seconds, both instances, limit %s/s",
                RATE).isLessThanOrEqualTo(4L * RATE + 2);
    }

    @Test
    void concurrent_full_refunds_with_two_keys_refund_once_and_every_retry_replays() throws Exception {
        Merchant merchant = new Merchant(gateways.get(0)::baseUrl);
        Merchant.Placed collected = merchant.collect(new Merchant.Order(prefix + "refunded", "256774100001", "5000",
                "UGX"), Duration.ofSeconds(30), Duration.ofSeconds(10));
        String original = collected.acceptedIds().iterator().next();
        MoneyAudit.whenSettled(database, provider, prefix + "refunded", SETTLE);

        List<HttpResponseView> answers = refundConcurrently(original, 20);
        List<HttpResponseView> replays = refundConcurrently(original, 2);
        List<String> refunds = refundsOf(original);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("answers", answers.stream().collect(Collectors.groupingBy(
                answer -> answer.status() + " " + answer.json().path("code").asText(""), TreeMap::new,
                Collectors.counting())));
        figures.put("replays", replays.stream().map(answer -> answer.status()).toList());
        figures.put("refundsNotFailed", refunds);
        FaultReport.record("two-instances-refunds", figures);

        assertThat(answers).as("answers to 20 concurrent full refunds with two keys")
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isLessThan(500));
        assertThat(replays).as("the two keys sent again once all is done: their first answers, replayed")
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.toString()).isLessThan(500);
                    assertThat(answer.json().path("code").asText()).isNotEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS");
                });
        assertThat(refunds).as("refunds of the collection that did not fail (all of them full)").hasSizeLessThanOrEqualTo(1);
    }

    /** Full refunds ({}) sent at once to both instances, keys alternating between two. */
    private List<HttpResponseView> refundConcurrently(String original, int count) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(count);
        List<Future<HttpResponseView>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GatewayHttp http = new GatewayHttp(gateways.get(i % 2).port());
            String key = prefix + "refund-key-" + (i % 2);
            sent.add(senders.submit(() -> http.post("/api/v1/payments/" + original + "/refunds", FaultGateways.API_KEY,
                    "{}", Map.of("Idempotency-Key", key))));
        }
        List<HttpResponseView> answers = new ArrayList<>();
        for (Future<HttpResponseView> answer : sent) {
            answers.add(answer.get(2, TimeUnit.MINUTES));
        }
        senders.shutdown();
        return answers;
    }

    private List<String> refundsOf(String original) throws java.sql.SQLException {
        List<String> refunds = new ArrayList<>();
        try (var connection = database.connect(); var statement = connection.prepareStatement(
                "SELECT id, status, amount FROM payment WHERE original_payment_id = CAST(? AS uuid) AND status <> 'FAILED'")) {
            statement.setString(1, original);
            var rows = statement.executeQuery();
            while (rows.next()) {
                refunds.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getBigDecimal(3));
            }
        }
        return refunds;
    }

    private List<String> statusQueriesAtOnce() {
        List<String> overlapping = new ArrayList<>();
        provider.references().path("references").fields().forEachRemaining(entry -> {
            int most = entry.getValue().path("mostInFlight").path("requesttopay-status").asInt(0);
            if (most > 1) {
                overlapping.add(entry.getKey() + " (" + most + " at once)");
            }
        });
        return overlapping;
    }

    private void awaitWebhooks(int expected) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (eventsPerPayment().size() < expected && Instant.now().isBefore(deadline)) {
            Merchant.sleep(Duration.ofMillis(200));
        }
        // Late duplicates (another instance's retry of a delivery it wrongly thinks is its own) come within seconds.
        Merchant.sleep(Duration.ofSeconds(3));
    }

    private Map<String, Set<String>> eventsPerPayment() {
        return webhooks.received("/webhooks").stream().collect(Collectors.groupingBy(
                delivery -> read(delivery.body()).path("data").path("id").asText(), TreeMap::new,
                Collectors.mapping(delivery -> delivery.header("X-Gateway-Event-Id"), Collectors.toSet())));
    }

    private Map<String, Long> deliveriesPerEvent() {
        return webhooks.received("/webhooks").stream().collect(Collectors.groupingBy(
                delivery -> delivery.header("X-Gateway-Event-Id"), TreeMap::new, Collectors.counting()));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Webhook body not JSON: " + body, e);
        }
    }

    private void report() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("instances", gateways.size());
        figures.put("orders", orders.size());
        figures.putAll(audit.figures());
        figures.put("open", audit.openPayments().size());
        figures.put("statusQueries", provider.perSecond("requesttopay-status").values().stream()
                .mapToLong(Long::longValue).sum());
        figures.put("statusQueriesAtOnce", statusQueriesAtOnce().size());
        figures.put("webhookDeliveries", webhooks.received("/webhooks").size());
        figures.put("paymentsAnnounced", eventsPerPayment().size());
        figures.put("eventsDeliveredTwice", deliveriesPerEvent().values().stream().filter(n -> n > 1).count());
        FaultReport.record("two-instances", figures);
    }
}
