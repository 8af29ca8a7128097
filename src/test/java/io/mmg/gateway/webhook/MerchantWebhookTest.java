package io.mmg.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.CallbackReceiver;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Webhook tests: a fresh merchant with its own receiver (a local HTTP server) on a path of its own. */
abstract class MerchantWebhookTest extends GatewayApiTest {

    /** Long enough for the retry window of application-test.yaml (5 s) and the worker's ticks. */
    static final Duration WAIT = Duration.ofSeconds(20);

    CallbackReceiver receiver;
    String path;

    @BeforeEach
    void startReceiver() {
        receiver = new CallbackReceiver();
        path = "/webhooks/" + UUID.randomUUID();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** Points this merchant's webhooks at the receiver; returns the signing secret. */
    String subscribe() {
        HttpResponseView created = http.put("/api/v1/webhook-endpoint", apiKey, "{\"url\":\"" + receiver.url(path) + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("secret").asText();
    }

    String successfulCollection() {
        HttpResponseView created = collect(Phones.uganda(), "1500");
        assertThat(created.status()).isEqualTo(202);
        String id = created.json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        return id;
    }

    /** The payment's one delivery, once it has this status. */
    JsonNode awaitDelivery(String paymentId, String status) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(
                () -> http.get("/api/v1/webhook-deliveries?paymentId=" + paymentId, apiKey).json().path("items"),
                items -> items.size() == 1 && items.get(0).path("status").asText().equals(status)).get(0);
    }

    /** GET /webhook-deliveries/{id}: the delivery with its event and attempts. */
    JsonNode delivery(String deliveryId) {
        HttpResponseView delivery = http.get("/api/v1/webhook-deliveries/" + deliveryId, apiKey);
        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
        return delivery.json();
    }
}
