package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A provider product that hangs holds at most its bulkhead's request threads (docs/provider-limits.md): reads,
 * callbacks and the other providers go on, and the calls beyond the bound fail at once without being sent.
 * Own context: 16 request threads, 3 MTN calls per product in flight (9) and 2 per M-Pesa product (6), and a
 * response timeout longer than the hang, so the hanging calls stay hanging until the simulator answers.
 */
@TestPropertySource(properties = {
        "server.tomcat.threads.max=16",
        "gateway.mtn.max-concurrent-calls=3",
        "gateway.mpesa.max-concurrent-calls=2",
        "gateway.mtn.response-timeout-ms=60000"})
class ProviderBulkheadTest extends GatewayApiTest {

    /** More collections than request threads: without a bulkhead they would hold every one of them. */
    private static final int COLLECTIONS = 20;
    private static final int BOUND = 3;

    private final ExecutorService clients = Executors.newFixedThreadPool(COLLECTIONS);

    @AfterEach
    void clearFaults() {
        mtn.reset();
        clients.shutdownNow();
    }

    @Test
    void a_hanging_mtn_product_leaves_reads_and_other_providers_answering() {
        mtn.addFault("{\"operation\":\"collection/requesttopay\",\"times\":-1,\"delayMs\":10000}");
        List<CompletableFuture<HttpResponseView>> hanging = IntStream.range(0, COLLECTIONS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> collect(Phones.uganda(), "1000"), clients))
                .toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> mtn.requests("collection/requesttopay", null) >= BOUND);

        HttpResponseView ping = http.get("/api/v1/ping", null);
        HttpResponseView list = http.get("/api/v1/payments", apiKey);
        HttpResponseView stkPush = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"10\",\"phoneNumber\":\"" + Phones.kenya() + "\"}");
        long answeredMeanwhile = hanging.stream()
                .filter(call -> call.isDone() && call.join().status() == 202).count();

        assertThat(ping.status()).isEqualTo(200);
        assertThat(list.status()).isEqualTo(200);
        assertThat(stkPush.status()).isEqualTo(202);
        assertThat(answeredMeanwhile).as("MTN collections the simulator let go before the reads answered").isZero();
        assertThat(hanging.stream().map(CompletableFuture::join).filter(answer -> answer.status() == 202))
                .hasSize(BOUND);
    }

    @Test
    void calls_beyond_the_bound_fail_at_once_as_not_sent_and_never_reach_the_provider() {
        mtn.addFault("{\"operation\":\"collection/requesttopay\",\"times\":-1,\"delayMs\":10000}");
        List<String> phones = IntStream.range(0, COLLECTIONS).mapToObj(i -> Phones.uganda()).toList();
        List<CompletableFuture<HttpResponseView>> calls = phones.stream()
                .map(phone -> CompletableFuture.supplyAsync(() -> http.post("/api/v1/collections", apiKey,
                        "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone + "\"}",
                        Map.of("Idempotency-Key", "bulkhead-" + phone)), clients))
                .toList();

        // Every call beyond the bound has answered while those inside it still hang at the provider.
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.stream().filter(CompletableFuture::isDone).count()
                >= COLLECTIONS - BOUND);
        List<Integer> refused = IntStream.range(0, COLLECTIONS).filter(i -> calls.get(i).isDone()).boxed().toList();

        assertThat(refused).hasSize(COLLECTIONS - BOUND);
        for (int i : refused) {
            HttpResponseView answer = calls.get(i).join();
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().path("code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
            assertThat(answer.json().path("details").path("providerReason").asText()).isEqualTo("BULKHEAD_FULL");
            assertThat(mtn.requests("requesttopay", phones.get(i))).isZero();
            Map<String, Object> payment = jdbc.queryForMap(
                    "SELECT status, reason, idempotency_key FROM payment WHERE phone_number = ?", phones.get(i));
            assertThat(payment.get("status")).isEqualTo("FAILED");
            assertThat(payment.get("reason")).isEqualTo("PROVIDER_UNAVAILABLE");
            assertThat(payment.get("idempotency_key")).as("key released: nothing was sent").isNull();
        }
        calls.forEach(CompletableFuture::join);
    }
}
