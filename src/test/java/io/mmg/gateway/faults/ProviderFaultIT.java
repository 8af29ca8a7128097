package io.mmg.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.FaultDatabase;
import io.mmg.gateway.support.JarProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Provider faults, each on its own (docs/reliability.md): MTN answers 500, hangs past the gateway's timeout, drops the
 * connection after taking the request, answers invalid JSON, refuses the token, throttles with Retry-After. For
 * each: no order charged twice, every payment final and agreeing with MTN (a request MTN may have received never
 * ends FAILED unless MTN says so), the circuit opens while the fault lasts and lets payments through after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderFaultIT {

    /** Provider reasons of payments turned away before sending: final without any provider answer. */

    private static final int PAYMENTS = FaultForm.count("provider.payments", 12, 40);
    private static final int HUNG_PAYMENTS = FaultForm.count("provider.hung-payments", 80, 120);
    private static final Duration FAULT = FaultForm.seconds("provider.fault-seconds", 5, 15);
    private static final Duration SETTLE = FaultForm.seconds("settle-seconds", 60, 120);
    private static final int TIMEOUT_MS = 4000;
    private static final int FAILURE_THRESHOLD = 5;

    private FaultDatabase database;
    private ProviderSide provider;
    private JarProcess gateway;
    private Merchant merchant;

    @BeforeAll
    void start() {
        Path runDir = FaultGateways.runDir(getClass());
        database = FaultDatabase.create("fault_provider");
        provider = ProviderSide.start(runDir);
        gateway = FaultGateways.gateway("gateway", database, provider, runDir,
                "--gateway.mtn.response-timeout-ms=" + TIMEOUT_MS,
                "--gateway.circuit-breaker.failure-threshold=" + FAILURE_THRESHOLD);
        gateway.startAndAwaitReady();
        merchant = new Merchant(gateway::baseUrl);
    }

    @AfterEach
    void wellBehavedProvider() {
        provider.clearFaults();
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
    void mtn_answering_500_charges_nothing_twice_and_leaves_every_state_right() throws Exception {
        FaultScenario scenario = run("http500", "{\"operation\":\"requesttopay\",\"httpStatus\":500}", PAYMENTS);
        assertPromises(scenario, true);
    }

    @Test
    void mtn_hanging_past_the_timeout_never_turns_a_payment_it_took_into_failed() throws Exception {
        FaultScenario scenario = run("hang", "{\"operation\":\"requesttopay\",\"delayMs\":" + 2 * TIMEOUT_MS
                + ",\"delayAfterProcessing\":true}", PAYMENTS, Duration.ofMillis(TIMEOUT_MS + 1000));
        assertPromises(scenario, true);
    }

    @Test
    void a_connection_reset_after_mtn_read_the_request_never_turns_the_payment_into_failed() throws Exception {
        FaultScenario scenario = run("reset", "{\"operation\":\"requesttopay\",\"dropConnection\":true}", PAYMENTS);
        assertPromises(scenario, true);
    }

    @Test
    void invalid_json_from_mtn_settles_no_payment_until_mtn_answers_properly() throws Exception {
        provider.addFault("{\"operation\":\"requesttopay\",\"suppressCallback\":true}");
        FaultScenario scenario = new FaultScenario("badjson", provider, merchant);
        ExecutorService merchants = FaultScenario.merchants(PAYMENTS);
        provider.addFault("{\"operation\":\"requesttopay-status\",\"invalidJson\":true}");
        List<Future<Merchant.Placed>> placed = scenario.place(merchants, PAYMENTS);
        Merchant.sleep(FAULT);
        int garbledAnswers = provider.perSecond("requesttopay-status").values().stream().mapToInt(Long::intValue).sum();
        List<String> settledMeanwhile = MoneyAudit.read(database, scenario.prefix())
                .stream().filter(payment -> MoneyAudit.FINAL.contains(payment.status()))
                // Turned away before sending (bulkhead full, circuit open) is final without any answer to misread.
                .filter(payment -> !MoneyAudit.NEVER_SENT.contains(String.valueOf(payment.providerReason())))
                .map(payment -> payment.id() + " " + payment.status() + " " + payment.providerReason()).toList();
        provider.clearFaults();
        scenario.collect(placed);
        merchants.shutdown();
        scenario.awaitRecovery(Duration.ofSeconds(30));
        scenario.audit(database, SETTLE);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(garbledAnswers).as("status queries answered with invalid JSON").isPositive();
        soft.assertThat(settledMeanwhile).as("payments made final from an invalid answer").isEmpty();
        promises(soft, scenario, false);
        soft.assertAll();
    }

    @Test
    void mtn_refusing_the_token_charges_nothing_and_leaves_every_state_right() throws Exception {
        provider.addFault("{\"operation\":\"token\",\"httpStatus\":401}");
        FaultScenario scenario = run("http401", "{\"operation\":\"requesttopay\",\"httpStatus\":401}", PAYMENTS);
        assertPromises(scenario, true);
    }

    @Test
    void mtn_throttling_with_retry_after_charges_nothing_twice_and_leaves_every_state_right() throws Exception {
        FaultScenario scenario = run("http429",
                "{\"operation\":\"requesttopay\",\"httpStatus\":429,\"retryAfterSeconds\":2}", PAYMENTS);
        assertPromises(scenario, true);
    }

    @Test
    void a_hanging_mtn_holds_no_thread_that_reads_or_other_providers_need() throws Exception {
        FaultScenario scenario = new FaultScenario("bulkhead", provider, merchant);
        provider.addFault("{\"operation\":\"requesttopay\",\"delayMs\":" + 3 * TIMEOUT_MS
                + ",\"delayAfterProcessing\":true}");
        ExecutorService merchants = FaultScenario.merchants(HUNG_PAYMENTS);
        List<Future<Merchant.Placed>> placed = scenario.place(merchants, HUNG_PAYMENTS);
        Merchant.sleep(Duration.ofMillis(TIMEOUT_MS / 4));
        List<Long> pings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pings.add(millis("GET", "/api/v1/ping", null));
        }
        long listing = millis("GET", "/api/v1/payments?size=5", null);
        long mpesa = millis("POST", "/api/v1/collections",
                "{\"amount\":\"10\",\"phoneNumber\":\"254708374149\",\"externalId\":\"bulkhead-mpesa\"}");
        provider.clearFaults();
        scenario.collect(placed);
        merchants.shutdown();
        scenario.awaitRecovery(Duration.ofSeconds(30));
        scenario.figures.put("pingMillis", pings);
        scenario.figures.put("listMillis", listing);
        scenario.figures.put("mpesaMillis", mpesa);
        scenario.audit(database, SETTLE);

        long bound = TIMEOUT_MS / 2;
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(pings).as("GET /ping while %s MTN calls hang (ms)", HUNG_PAYMENTS).allMatch(ms -> ms < bound);
        soft.assertThat(listing).as("GET /payments while MTN calls hang (ms)").isLessThan(bound);
        soft.assertThat(mpesa).as("an M-Pesa collection while MTN calls hang (ms)").isLessThan(bound);
        promises(soft, scenario, false);
        soft.assertAll();
    }

    /** The fault while merchants send, probes of the circuit, the fault cleared, the merchants finish, recovery. */
    private FaultScenario run(String name, String fault, int payments) throws Exception {
        return run(name, fault, payments, FAULT.dividedBy(2));
    }

    /** @param probeAfter when the circuit can be open: after the first failures (a hang fails only at the timeout) */
    private FaultScenario run(String name, String fault, int payments, Duration probeAfter) throws Exception {
        FaultScenario scenario = new FaultScenario(name, provider, merchant);
        provider.addFault(fault);
        ExecutorService merchants = FaultScenario.merchants(payments);
        List<Future<Merchant.Placed>> placed = scenario.place(merchants, payments);
        Merchant.sleep(probeAfter);
        scenario.probeCircuit(3);
        Merchant.sleep(FAULT.minus(probeAfter).isNegative() ? Duration.ZERO : FAULT.minus(probeAfter));
        provider.clearFaults();
        scenario.collect(placed);
        merchants.shutdown();
        scenario.awaitRecovery(Duration.ofSeconds(30));
        scenario.audit(database, SETTLE);
        return scenario;
    }

    private void assertPromises(FaultScenario scenario, boolean circuitOpens) {
        SoftAssertions soft = new SoftAssertions();
        promises(soft, scenario, circuitOpens);
        soft.assertAll();
    }

    private static void promises(SoftAssertions soft, FaultScenario scenario, boolean circuitOpens) {
        MoneyAudit audit = scenario.audit;
        soft.assertThat(audit.secondCharges()).as("orders with more than one transaction at MTN").isEmpty();
        soft.assertThat(audit.openPayments()).as("payments still open %s after the fault", SETTLE).isEmpty();
        soft.assertThat(audit.finalStatesContradictingTheProvider()).as("final states contradicting MTN").isEmpty();
        soft.assertThat(audit.lostAcceptedPayments(scenario.orders)).as("accepted payments lost").isEmpty();
        soft.assertThat(audit.lostAcceptedPayments(scenario.probes)).as("accepted probe payments lost").isEmpty();
        soft.assertThat(audit.chargesUnknownToTheGateway()).as("MTN transactions without a payment").isEmpty();
        soft.assertThat(scenario.orders).as("orders whose merchant never got a settling answer")
                .filteredOn(order -> !order.settled())
                .extracting(order -> order.order().key() + " " + order.answers()).isEmpty();
        if (circuitOpens) {
            soft.assertThat(scenario.probesRefusedUnsent).as("payments refused unsent while the fault lasted (circuit open)")
                    .isPositive();
        }
        soft.assertThat(scenario.recovered).as("a payment reached MTN again after the fault").isTrue();
    }

    private long millis(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + FaultGateways.API_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(500);
        return millis;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
}
