package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Quartz poller finishes what callbacks did not: every open payment reaches a final state. */
class PollerTest extends GatewayApiTest {

    @Test
    void a_payment_the_provider_keeps_pending_is_polled_and_expires_when_too_old() {
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"phoneNumber\":\"46733123454\"}")
                .json().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> pollAttempts(id) > 0);
        assertThat(status(id)).isEqualTo("PENDING");

        // Pretend it was created long ago; the next poll still hears PENDING and expires it.
        jdbc.update("UPDATE payment SET created_at = now() - interval '2 hours', next_poll_at = now() WHERE id = ?::uuid", id);

        JsonNode expired = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/v1/payments/" + id, apiKey).json(), p -> p.path("status").asText().equals("EXPIRED"));
        assertThat(expired.path("reason").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void a_payment_stored_but_never_sent_is_failed_as_not_found() {
        // A crash between storing and sending leaves exactly this row behind.
        UUID id = UUID.randomUUID();
        UUID clientId = jdbc.queryForObject("SELECT client_id FROM api_key ORDER BY created_at DESC LIMIT 1", UUID.class);
        jdbc.update("""
                INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                                     phone_number, request_hash, next_poll_at)
                VALUES (?, ?, 'COLLECTION', 'MTN_MOMO', 'COLLECTION', 'PENDING', 1000, 'UGX', 'UG', ?, 'h', now())""",
                id, clientId, Phones.uganda());

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(
                jdbc.queryForObject("SELECT status FROM payment WHERE id = ?", String.class, id)));
        assertThat(jdbc.queryForObject("SELECT reason FROM payment WHERE id = ?", String.class, id))
                .isEqualTo("TRANSACTION_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT source FROM payment_event WHERE payment_id = ? AND to_status = 'FAILED'",
                String.class, id)).isEqualTo("POLLER");
    }

    @Test
    void the_ongoing_sandbox_scenario_is_followed_from_pending_to_successful() {
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"phoneNumber\":\"46733123453\"}")
                .json().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> pollAttempts(id) > 0);
        assertThat(status(id)).isEqualTo("PENDING");

        await().atMost(Duration.ofSeconds(15)).until(() -> status(id).equals("SUCCESSFUL"));
    }

    private int pollAttempts(String id) {
        return jdbc.queryForObject("SELECT poll_attempts FROM payment WHERE id = ?::uuid", Integer.class, id);
    }

}
