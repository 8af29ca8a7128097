package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A breaker per product opens after 5 consecutive failures, stays open (2 s here, 60 s by
 * default), then lets a call through and closes again when it succeeds. Own context, because the
 * other tests run with a higher threshold so that their injected faults never trip it.
 */
@TestPropertySource(properties = {"gateway.circuit-breaker.failure-threshold=5", "gateway.circuit-breaker.open-seconds=2"})
class CircuitBreakerTest extends GatewayApiTest {

    /** And closes the collection circuit again (a trial call once it lets one through), whichever test runs next. */
    @AfterEach
    void clearFaults() {
        mtn.reset();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(collect(Phones.uganda(), "1000").status()).isEqualTo(202));
    }

    @Test
    void the_collection_circuit_opens_after_five_failures_and_recovers() {
        mtn.addFault("{\"operation\":\"*\",\"times\":-1,\"httpStatus\":503}");

        // 3 attempts each (first try and two retries): the fifth consecutive failure opens the circuit.
        assertThat(collect(Phones.uganda(), "1000").status()).isEqualTo(503);
        assertThat(collect(Phones.uganda(), "1000").status()).isEqualTo(503);

        String untouched = Phones.uganda();
        HttpResponseView shortCircuited = collect(untouched, "1000");
        assertThat(shortCircuited.status()).isEqualTo(503);
        assertThat(shortCircuited.json().path("code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(shortCircuited.json().path("details").path("providerReason").asText()).isEqualTo("CIRCUIT_OPEN");
        assertThat(mtn.requests("requesttopay", untouched)).isZero();
        assertThat(circuitState("COLLECTION")).isEqualTo(2);   // open (README "Metrics")
        assertThat(circuitState("DISBURSEMENT")).isZero();

        mtn.reset();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(collect(Phones.uganda(), "1000").status()).isEqualTo(202));
        assertThat(collect(Phones.uganda(), "1000").status()).isEqualTo(202);
        assertThat(circuitState("COLLECTION")).isZero();
    }

    /** gateway.provider.circuit.state of an MTN product: 0 closed, 1 half-open, 2 open. */
    private double circuitState(String product) {
        return http.get("/actuator/metrics/gateway.provider.circuit.state?tag=provider:MTN_MOMO&tag=product:" + product, null)
                .json().path("measurements").get(0).path("value").asDouble();
    }

    @Test
    void each_product_has_its_own_circuit_payouts_go_on_while_collections_are_cut_off() {
        mtn.addFault("{\"operation\":\"collection/requesttopay\",\"times\":-1,\"httpStatus\":503}");
        collect(Phones.uganda(), "1000");
        collect(Phones.uganda(), "1000");
        HttpResponseView shortCircuited = collect(Phones.uganda(), "1000");
        assertThat(shortCircuited.json().path("details").path("providerReason").asText()).isEqualTo("CIRCUIT_OPEN");

        // Readiness names the open circuit and stays UP: one product's outage must not take the instance away.
        HttpResponseView readiness = http.get("/readyz", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        var circuits = readiness.json().path("components").path("providerCircuits").path("details");
        assertThat(circuits.path("open").toString()).isEqualTo("[\"mtn-collection\"]");
        assertThat(circuits.path("states").path("mtn-collection").asText()).isEqualTo("OPEN");
        assertThat(circuits.path("states").path("mtn-disbursement").asText()).isEqualTo("CLOSED");
        assertThat(circuits.path("states").path("mpesa-stk-push").asText()).isEqualTo("CLOSED");
        assertThat(http.get("/livez", null).body()).isEqualTo("{\"status\":\"UP\"}");

        HttpResponseView payout = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}");
        HttpResponseView remittance = http.post("/api/v1/remittances", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}");

        assertThat(payout.status()).isEqualTo(202);
        assertThat(remittance.status()).isEqualTo(202);
    }
}
