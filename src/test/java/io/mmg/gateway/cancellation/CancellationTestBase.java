package io.mmg.gateway.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cancellation tests: the gateway and its simulators over HTTP, with the sandbox playing a customer who answers late. */
abstract class CancellationTestBase extends GatewayApiTest {

    /** MTN's sandbox number that stays PENDING until told otherwise (docs/sandbox.md). */
    static final String MTN_PENDING = "46733123454";

    HttpResponseView cancel(String paymentId, String body) {
        return http.post("/api/v1/payments/" + paymentId + "/cancel", apiKey, body);
    }

    HttpResponseView cancel(String paymentId, String body, String idempotencyKey) {
        return http.post("/api/v1/payments/" + paymentId + "/cancel", apiKey, body,
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A collection the MTN customer has not approved (yet). */
    String pendingMtnCollection(String amount) {
        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"phoneNumber\":\"" + MTN_PENDING + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        return created.json().path("id").asText();
    }

    /** The MTN customer approves now: the sandbox reports the request to pay SUCCESSFUL (no callback). */
    void mtnCustomerApproves(String paymentId) {
        HttpResponseView changed = http.send("PATCH", "/sandbox/control/mtn/transactions/" + paymentId,
                "{\"status\":\"SUCCESSFUL\"}", Map.of("Content-Type", "application/json"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    /** Makes Daraja's simulator report an STK push as ended with this ResultCode (0 = paid) from now on. */
    void mpesaCustomerAnswers(String checkoutRequestId, int resultCode) {
        HttpResponseView changed = http.send("PATCH", "/sandbox/control/mpesa/transactions/" + checkoutRequestId,
                "{\"resultCode\":" + resultCode + "}", Map.of("Content-Type", "application/json"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    JsonNode payment(String id) {
        return http.get("/api/v1/payments/" + id, apiKey).json();
    }

    JsonNode awaitProviderOutcome(String id, String outcome) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> payment(id), p -> p.path("providerOutcome").asText().equals(outcome));
    }

    List<String> eventTypes(String id) {
        List<String> types = new ArrayList<>();
        http.get("/api/v1/payments/" + id + "/events", apiKey).json().path("events")
                .forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    /** The merchant's refunds, newest first. */
    JsonNode refunds() {
        return http.get("/api/v1/payments?type=REFUND", apiKey).json().path("items");
    }

    /** Webhooks go to an endpoint that never answers 2xx: the deliveries are written all the same. */
    void subscribeToWebhooks() {
        HttpResponseView created = http.put("/api/v1/webhook-endpoint", apiKey,
                "{\"url\":\"http://127.0.0.1:9/merchant-webhooks\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    List<String> webhookTypes(String paymentId) {
        List<String> types = new ArrayList<>();
        http.get("/api/v1/webhook-deliveries?paymentId=" + paymentId, apiKey).json().path("items")
                .forEach(delivery -> types.add(delivery.path("type").asText()));
        return types;
    }
}
