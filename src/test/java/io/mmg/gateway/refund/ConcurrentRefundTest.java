package io.mmg.gateway.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.Concurrently;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The refunded total holds under concurrent requests: it is checked in the statement that stores a refund. */
class ConcurrentRefundTest extends GatewayApiTest {

    @Test
    void refunds_racing_each_other_never_add_up_to_more_than_the_collected_amount() {
        String original = collect(Phones.uganda(), "10000").json().path("id").asText();
        awaitStatus(original, "SUCCESSFUL");

        // Six refunds of 3000 at once, all let in together while the original's row is held: only three fit.
        List<HttpResponseView> answers = Concurrently.whileHolding(jdbc,
                "SELECT id FROM payment WHERE id = '" + original + "' FOR UPDATE", 6,
                i -> http.post("/api/v1/payments/" + original + "/refunds", apiKey, "{\"amount\":\"3000\"}"));

        assertThat(answers).filteredOn(answer -> answer.status() == 202).hasSize(3);
        assertThat(answers).filteredOn(answer -> answer.status() != 202).hasSize(3)
                .allSatisfy(answer -> assertThat(answer.json().path("code").asText()).isEqualTo("REFUND_EXCEEDS_PAYMENT"));
        BigDecimal refunded = jdbc.queryForObject(
                "SELECT sum(amount) FROM payment WHERE original_payment_id = ?::uuid", BigDecimal.class, original);
        assertThat(refunded).isEqualByComparingTo("9000");
    }

    @Test
    void concurrent_full_refunds_with_two_keys_make_one_refund_and_never_a_server_error() {
        String original = collect(Phones.uganda(), "10000").json().path("id").asText();
        awaitStatus(original, "SUCCESSFUL");
        List<Map<String, String>> keys = List.of(Map.of("Idempotency-Key", "a-" + original),
                Map.of("Idempotency-Key", "b-" + original));

        // Twenty at once, more than the connection pool lets wait on the original's lock together: sent in parallel.
        ExecutorService callers = Executors.newFixedThreadPool(20);
        List<HttpResponseView> answers;
        try {
            answers = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.post(
                            "/api/v1/payments/" + original + "/refunds", apiKey, "{}", keys.get(i % 2)), callers))
                    .toList().stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdownNow();
        }

        assertThat(answers).extracting(HttpResponseView::status).allMatch(s -> s == 202 || s == 409 || s == 422);
        List<String> refunded = answers.stream().filter(answer -> answer.status() == 202)
                .map(answer -> answer.json().path("id").asText()).distinct().toList();
        assertThat(refunded).hasSize(1);
        assertThat(jdbc.queryForList("SELECT id::text FROM payment WHERE original_payment_id = ?::uuid",
                String.class, original)).isEqualTo(refunded);
    }
}
