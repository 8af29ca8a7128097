package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency-Key semantics (Stripe/Mojaloop): retries are safe, reuse for another request is refused. */
class IdempotencyTest extends GatewayApiTest {

    @Test
    void the_same_key_and_body_replays_the_first_answer_without_a_second_payment() {
        String phone = Phones.uganda();
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"3000\",\"phoneNumber\":\"" + phone + "\"}";

        HttpResponseView first = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));
        HttpResponseView again = http.post("/api/v1/collections", apiKey,
                "{ \"phoneNumber\": \"+" + phone + "\", \"amount\": 3000 }", Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(mtn.requests("requesttopay", phone)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Integer.class, phone)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_a_conflict() {
        String key = UUID.randomUUID().toString();
        http.post("/api/v1/collections", apiKey, "{\"amount\":\"3000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}",
                Map.of("Idempotency-Key", key));

        HttpResponseView other = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"3001\",\"phoneNumber\":\"" + Phones.uganda() + "\"}", Map.of("Idempotency-Key", key));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void keys_belong_to_one_merchant() {
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"3000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}";
        HttpResponseView mine = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));
        HttpResponseView theirs = http.post("/api/v1/collections", TestMerchants.newApiKey(clients), body,
                Map.of("Idempotency-Key", key));

        assertThat(theirs.status()).isEqualTo(202);
        assertThat(theirs.json().path("id").asText()).isNotEqualTo(mine.json().path("id").asText());
    }

    @Test
    void a_request_that_never_reached_the_provider_can_be_retried_with_the_same_key() {
        String phone = Phones.uganda();
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"3000\",\"phoneNumber\":\"" + phone + "\"}";
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":3,\"httpStatus\":503}");

        HttpResponseView unavailable = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));
        HttpResponseView retried = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().path("code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().path("id").asText()).isNotEqualTo(unavailable.json().path("details").path("paymentId").asText());
    }

    @Test
    void a_key_whose_request_died_before_answering_replays_the_payment_as_it_is_now() {
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"3000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}";
        String id = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key)).json().path("id").asText();
        // What a kill -9 between storing and answering leaves: no answer recorded, and the request long gone.
        jdbc.update("UPDATE payment SET response_code = NULL, created_at = now() - interval '1 hour' WHERE id = ?::uuid", id);

        HttpResponseView replayed = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));

        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.json().path("id").asText()).isEqualTo(id);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_key_whose_request_may_still_be_running_is_in_progress() {
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"3000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}";
        String id = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key)).json().path("id").asText();
        // As the first request looks while it still waits for the provider: stored just now, no answer yet.
        jdbc.update("UPDATE payment SET response_code = NULL, created_at = now() WHERE id = ?::uuid", id);

        HttpResponseView again = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS");
        assertThat(again.json().path("details").path("paymentId").asText()).isEqualTo(id);
    }

    @Test
    void a_malformed_key_is_refused() {
        HttpResponseView response = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"3000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}", Map.of("Idempotency-Key", "x".repeat(300)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("details").path("header").asText()).isEqualTo("Idempotency-Key");
    }
}
