package io.mmg.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.FaultDatabase;
import io.mmg.gateway.support.JarProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Crash (docs/reliability.md): merchants keep sending collections, each retried with its own Idempotency-Key on any failure,
 * while the gateway is killed with {@code kill -9} and restarted on the same database, more than once. MTN holds
 * each request's answer back a little after taking it, so kills land between "the provider has it" and "the gateway
 * wrote it down". The run happens once; each test checks one promise on its outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashFaultIT {

    private static final int PAYMENTS = FaultForm.count("crash.payments", 120, 400);
    private static final int CLIENTS = FaultForm.count("crash.clients", 10, 16);
    private static final int KILLS = FaultForm.count("crash.kills", 2, 4);
    private static final Duration SETTLE = FaultForm.seconds("settle-seconds", 90, 180);
    private static final Duration KEY_RESOLVE = FaultForm.seconds("key-resolve-seconds", 90, 180);

    private FaultDatabase database;
    private ProviderSide provider;
    private JarProcess gateway;
    private Merchant merchant;
    private final List<Merchant.Placed> orders = new ArrayList<>();
    private final List<Duration> restarts = new ArrayList<>();
    private MoneyAudit audit;
    private int secondPass;

    @BeforeAll
    void send_payments_while_the_gateway_is_killed_and_restarted() throws Exception {
        Path runDir = FaultGateways.runDir(getClass());
        database = FaultDatabase.create("fault_crash");
        provider = ProviderSide.start(runDir);
        provider.addFault("{\"operation\":\"requesttopay\",\"delayMs\":150,\"delayAfterProcessing\":true}");
        gateway = FaultGateways.gateway("gateway", database, provider, runDir);
        gateway.startAndAwaitReady();
        merchant = new Merchant(gateway::baseUrl);

        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger settled = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Merchant.Placed>> placed = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            Merchant.Order order = new Merchant.Order("crash-" + run + "-" + i, "256772" + (100000 + i), "1000", "UGX");
            placed.add(clients.submit(() -> {
                Merchant.Placed outcome = merchant.collect(order, SETTLE, Duration.ofSeconds(20));
                settled.incrementAndGet();
                return outcome;
            }));
        }
        for (int kill = 1; kill <= KILLS; kill++) {
            int threshold = PAYMENTS * kill / (KILLS + 1);
            while (settled.get() < threshold) {
                Merchant.sleep(Duration.ofMillis(20));
            }
            gateway.kill();
            Instant killed = Instant.now();
            gateway.startAndAwaitReady();
            restarts.add(Duration.between(killed, Instant.now()));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(SETTLE.toSeconds() * 2, TimeUnit.SECONDS)).isTrue();
        for (Future<Merchant.Placed> outcome : placed) {
            orders.add(outcome.get());
        }
        sendUnsettledOrdersAgain();
        audit = MoneyAudit.whenSettled(database, provider, SETTLE);
        report();
    }

    /**
     * A merchant's later pass over the orders it left "in progress" (as its own reconciliation would): the same keys,
     * with patience up to key-resolve-seconds, all at once. A key whose lease ends within that time settles here.
     */
    private void sendUnsettledOrdersAgain() throws Exception {
        List<Merchant.Placed> unsettled = orders.stream().filter(order -> !order.settled()).toList();
        secondPass = unsettled.size();
        if (unsettled.isEmpty()) {
            return;
        }
        ExecutorService again = Executors.newFixedThreadPool(unsettled.size());
        List<Future<Merchant.Placed>> placed = new ArrayList<>();
        for (Merchant.Placed order : unsettled) {
            placed.add(again.submit(() -> merchant.collect(order.order(), KEY_RESOLVE, KEY_RESOLVE)));
        }
        for (int i = 0; i < unsettled.size(); i++) {
            orders.set(orders.indexOf(unsettled.get(i)), placed.get(i).get());
        }
        again.shutdown();
    }

    @AfterAll
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void the_gateway_was_killed_while_payments_were_in_flight() {
        assertThat(restarts).hasSize(KILLS);
        assertThat(orders).as("orders answered after a connection failure (sent while the gateway was down)")
                .anyMatch(order -> order.connectionFailures() > 0);
    }

    @Test
    void no_order_is_charged_twice() {
        assertThat(audit.secondCharges()).as("orders with more than one transaction at MTN").isEmpty();
    }

    @Test
    void no_payment_a_merchant_was_answered_for_is_lost() {
        assertThat(audit.lostAcceptedPayments(orders)).as("payments answered 2xx that the gateway does not have")
                .isEmpty();
    }

    @Test
    void every_charge_at_the_provider_has_its_payment_in_the_gateway() {
        assertThat(audit.chargesUnknownToTheGateway()).as("MTN transactions without a payment").isEmpty();
    }

    @Test
    void every_order_gets_a_settling_answer() {
        assertThat(orders).as("orders whose merchant never got a 2xx or a final 4xx, even on a second pass")
                .filteredOn(order -> !order.settled())
                .extracting(order -> order.order().key() + " last " + order.status() + " " + order.code())
                .isEmpty();
    }

    @Test
    void a_restarting_gateway_never_answers_a_payment_request_with_no_such_endpoint() {
        assertThat(orders).as("orders answered 404 NOT_FOUND (routes not up yet) on some attempt")
                .filteredOn(order -> order.answers().containsKey("404 NOT_FOUND"))
                .extracting(order -> order.order().key() + " " + order.answers())
                .isEmpty();
    }

    @Test
    void no_idempotency_key_stays_in_progress() {
        assertThat(keysInProgress()).as("keys still answering 409 IDEMPOTENCY_REQUEST_IN_PROGRESS after the run and a"
                + " second pass of up to %s", KEY_RESOLVE).isEmpty();
    }

    @Test
    void every_payment_ends_final() {
        assertThat(audit.openPayments()).as("payments still open %s after the run", SETTLE).isEmpty();
    }

    @Test
    void every_final_state_agrees_with_the_provider() {
        assertThat(audit.finalStatesContradictingTheProvider()).isEmpty();
    }

    private List<String> keysInProgress() {
        List<String> stuck = new ArrayList<>();
        for (Merchant.Placed order : orders) {
            try {
                Merchant.Answer answer = merchant.replay(order.order());
                if (answer.status() == 409 && "IDEMPOTENCY_REQUEST_IN_PROGRESS".equals(answer.code())) {
                    stuck.add(order.order().key() + " (payment " + answer.paymentId() + ")");
                }
            } catch (IOException e) {
                stuck.add(order.order().key() + " (no answer: " + e + ")");
            }
        }
        return stuck;
    }

    private void report() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("orders", orders.size());
        figures.put("clients", CLIENTS);
        figures.put("kills", restarts.size());
        figures.put("restartSeconds", restarts.stream().map(d -> d.toMillis() / 1000.0).toList());
        figures.put("sentAgainLater", secondPass);
        figures.put("settled", orders.stream().filter(Merchant.Placed::settled).count());
        figures.put("answeredInProgress", orders.stream().mapToInt(Merchant.Placed::inProgressAnswers).sum());
        figures.put("connectionFailures", orders.stream().mapToInt(Merchant.Placed::connectionFailures).sum());
        figures.put("attempts", orders.stream().mapToInt(Merchant.Placed::attempts).sum());
        Map<String, Integer> answers = new java.util.TreeMap<>();
        orders.forEach(order -> order.answers().forEach((answer, count) -> answers.merge(answer, count, Integer::sum)));
        figures.put("answers", answers);
        figures.putAll(audit.figures());
        figures.put("lostAccepted", audit.lostAcceptedPayments(orders).size());
        figures.put("open", audit.openPayments().size());
        figures.put("contradictingProvider", audit.finalStatesContradictingTheProvider().size());
        figures.put("keysInProgressAfterRun", keysInProgress().size());
        FaultReport.record("crash", figures);
    }
}
