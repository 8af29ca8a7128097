package io.mmg.gateway.mpesa;

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
 * One breaker per M-Pesa product: Daraja failing STK pushes opens the STK breaker only, B2C goes on.
 * The same properties as CircuitBreakerTest, so both share that one extra Spring context.
 */
@TestPropertySource(properties = {"gateway.circuit-breaker.failure-threshold=5", "gateway.circuit-breaker.open-seconds=2"})
class MpesaCircuitBreakerTest extends GatewayApiTest {

    @AfterEach
    void clearFaults() {
        mpesa.reset();
    }

    @Test
    void the_stk_push_circuit_opens_after_five_failures_while_b2c_still_pays_and_then_recovers() {
        mpesa.fail("stkpush", null, -1, 500, null);

        // An STK push is never resent: each of these is one failure of the STK breaker.
        for (int i = 0; i < 5; i++) {
            assertThat(collect(Phones.kenya(), "600").json().path("status").asText()).isEqualTo("UNKNOWN");
        }
        String untouched = Phones.kenya();
        HttpResponseView shortCircuited = collect(untouched, "600");

        assertThat(shortCircuited.status()).isEqualTo(503);
        assertThat(shortCircuited.json().path("details").path("providerReason").asText()).isEqualTo("CIRCUIT_OPEN");
        assertThat(mpesa.requests("stkpush", untouched)).isZero();
        assertThat(http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"600\",\"phoneNumber\":\"" + Phones.kenya() + "\"}").status()).isEqualTo(202);

        mpesa.reset();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(collect(Phones.kenya(), "601").status()).isEqualTo(202));
    }
}
