package io.mmg.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Two gateway instances on one database (docs/reliability.md): payments sent to both, MTN's callbacks lost so the pollers must
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

    private FaultDatabase database;
    private ProviderSide provider;
    private final List<JarProcess> gateways = new ArrayList<>();
    private WebhookTally webhooks;
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
        // One after the other, as a rolling start does. (With the clustered Quartz store, two started at the same
        // moment could collide on its triggers, docs/reliability.md "Findings"; the triggers are in memory now.)
        gateways.forEach(JarProcess::startAndAwaitReady);
        webhooks = new WebhookTally();
        HttpResponseView endpoint = new GatewayHttp(gateways.get(0).port()).put("/api/v1/webhook-endpoint",
                FaultGateways.API_KEY, "{\"url\":\"" + webhooks.url() + "\"}");
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
        // Ten merchants at once can fill an instance's bulkhead: that payment is FAILED before it is sent and its
        // merchant places the order again. Every order ends with exactly one payment that may have reached MTN.
        assertThat(audit.maybeSent()).extracting(MoneyAudit.Stored::externalId).doesNotHaveDuplicates().hasSize(PAYMENTS);
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
        Map<String, Set<String>> eventsPerPayment = webhooks.eventsPerPayment();
        assertThat(eventsPerPayment.keySet()).as("payments announced")
                .containsExactlyInAnyOrderElementsOf(audit.payments().stream().map(MoneyAudit.Stored::id).toList());
        assertThat(eventsPerPayment).as("payments announced by more than one event")
                .allSatisfy((payment, events) -> assertThat(events).hasSize(1));
        assertThat(webhooks.deliveriesPerEvent()).as("events delivered more than once")
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
        Map<Long, Long> perSecond = provider.perSecond("requesttopay-status", from, to);
        long busiestThreeSeconds = ProviderSide.busiest(perSecond, 3);
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

        List<HttpResponseView> answers = ConcurrentRefunds.send(gateways, original, prefix + "refund-key-", 2, 20);
        List<HttpResponseView> replays = ConcurrentRefunds.send(gateways, original, prefix + "refund-key-", 2, 2);
        List<String> refunds = ConcurrentRefunds.notFailed(database, original);
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
        while (webhooks.eventsPerPayment().size() < expected && Instant.now().isBefore(deadline)) {
            Merchant.sleep(Duration.ofMillis(200));
        }
        // Late duplicates (another instance's retry of a delivery it wrongly thinks is its own) come within seconds.
        Merchant.sleep(Duration.ofSeconds(3));
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
        figures.put("webhookDeliveries", webhooks.deliveries());
        figures.put("paymentsAnnounced", webhooks.eventsPerPayment().size());
        figures.put("eventsDeliveredTwice", webhooks.deliveriesPerEvent().values().stream().filter(n -> n > 1).count());
        FaultReport.record("two-instances", figures);
    }
}
