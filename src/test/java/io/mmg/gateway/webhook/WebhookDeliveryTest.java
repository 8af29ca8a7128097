package io.mmg.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.sandbox.CallbackReceiver.Received;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Signed merchant webhooks end to end: payments made final by the initiation answer, a callback or a refund
 * reach the merchant's receiver over real HTTP from the outbox, retried until it accepts them, signed with
 * the endpoint's secret, visible and replayable through the API.
 */
class WebhookDeliveryTest extends MerchantWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProducerTemplate producer;

    @Test
    void a_webhook_is_retried_until_the_merchant_endpoint_recovers_and_every_attempt_is_visible() {
        receiver.answerNext(path, 500, 500, 503);
        subscribe();

        String paymentId = successfulCollection();
        String deliveryId = awaitDelivery(paymentId, "DELIVERED").path("id").asText();

        JsonNode delivery = delivery(deliveryId);
        assertThat(delivery.path("attemptCount").asInt()).isEqualTo(4);
        assertThat(delivery.path("attempts").findValuesAsText("httpStatus")).containsExactly("500", "500", "503", "200");
        assertThat(delivery.path("attempts").findValuesAsText("number")).containsExactly("1", "2", "3", "4");
        assertThat(delivery.path("deliveredAt").isNull()).isFalse();
        List<Received> sent = receiver.received(path);
        assertThat(sent).hasSize(4);
        assertThat(sent).extracting(request -> request.header("X-Gateway-Event-Id")).containsOnly(deliveryId);
        assertThat(sent).extracting(Received::body).containsOnly(sent.get(0).body());
    }

    @Test
    void a_webhook_carries_the_payment_as_the_api_shows_it_signed_with_the_endpoint_secret() throws IOException {
        String secret = subscribe();
        HttpResponseView created = http.post("/api/v1/collections", apiKey, "{\"amount\":\"2500\",\"phoneNumber\":\""
                + Phones.uganda() + "\",\"payerMessage\":\"Café Kampala\",\"metadata\":{\"order\":\"A-7\"}}");
        String paymentId = created.json().path("id").asText();
        awaitStatus(paymentId, "SUCCESSFUL");
        String deliveryId = awaitDelivery(paymentId, "DELIVERED").path("id").asText();

        Received webhook = receiver.received(path).get(0);

        assertThat(webhook.method()).isEqualTo("POST");
        assertThat(webhook.header("Content-Type")).startsWith("application/json");
        assertThat(webhook.header("X-Gateway-Event-Id")).isEqualTo(deliveryId);
        assertThat(webhook.header("X-Gateway-Event-Type")).isEqualTo("payment.succeeded");
        assertThat(webhook.header("X-Gateway-Signature")).matches("t=\\d{10},v1=[0-9a-f]{64}");
        assertThat(MerchantVerification.verifies(webhook.header("X-Gateway-Signature"), webhook.body(), secret)).isTrue();
        assertThat(MerchantVerification.verifies(webhook.header("X-Gateway-Signature"), webhook.body(), "whsec_wrong")).isFalse();
        JsonNode event = JSON.readTree(webhook.body());
        assertThat(event.path("id").asText()).isEqualTo(deliveryId);
        assertThat(event.path("type").asText()).isEqualTo("payment.succeeded");
        assertThat(event.path("createdAt").asText()).isNotBlank();
        assertThat(withoutUpdatedAt(event.path("data")))
                .isEqualTo(withoutUpdatedAt(http.get("/api/v1/payments/" + paymentId, apiKey).json()));
        assertThat(event.path("data").path("payerMessage").asText()).isEqualTo("Café Kampala");
        assertThat(delivery(deliveryId).path("event")).isEqualTo(event);
    }

    @Test
    void a_payment_refused_at_once_is_announced_once_as_failed() {
        subscribe();
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"httpStatus\":400}");

        HttpResponseView refused = collect(phone, "1500");

        assertThat(refused.status()).isEqualTo(422);
        String paymentId = refused.json().path("details").path("payment").path("id").asText();
        JsonNode delivery = awaitDelivery(paymentId, "DELIVERED");
        assertThat(delivery.path("type").asText()).isEqualTo("payment.failed");
        assertThat(receiver.received(path)).hasSize(1);
    }

    @Test
    void a_payment_that_fails_later_is_announced_once_even_when_its_callback_comes_twice() {
        subscribe();
        String paymentId = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"currency\":\"EUR\",\"phoneNumber\":\"46733123451\"}").json().path("id").asText();
        JsonNode delivery = awaitDelivery(paymentId, "DELIVERED");

        HttpResponseView duplicate = mtn.resendCallback(paymentId, "{}");

        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(delivery.path("type").asText()).isEqualTo("payment.failed");
        assertThat(http.get("/api/v1/webhook-deliveries?paymentId=" + paymentId, apiKey).json().path("total").asInt())
                .isEqualTo(1);
        assertThat(receiver.received(path)).hasSize(1);
    }

    @Test
    void a_payment_the_poller_expires_is_announced_as_expired() {
        subscribe();
        // 46733123454 stays PENDING at MTN; the poller expires it after gateway.poller.expire-after (1 h), through
        // apply-status.sql with these parameters (StatusChanges.poll).
        String paymentId = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"currency\":\"EUR\",\"phoneNumber\":\"46733123454\"}").json().path("id").asText();
        Map<String, Object> expiry = new HashMap<>(Map.of("id", UUID.fromString(paymentId), "status", "EXPIRED",
                "reason", "EXPIRED", "errorMessage", FailureReason.EXPIRED.description(), "source", "POLLER", "nextPollSeconds", 1,
                "details", "{}"));
        Arrays.asList("providerReason", "financialTransactionId", "providerReference", "providerResponse")
                .forEach(name -> expiry.put(name, null));

        producer.sendBody("sql:classpath:sql/apply-status.sql", expiry);

        JsonNode delivery = awaitDelivery(paymentId, "DELIVERED");
        assertThat(delivery.path("type").asText()).isEqualTo("payment.expired");
        assertThat(receiver.received(path)).singleElement()
                .satisfies(webhook -> assertThat(webhook.header("X-Gateway-Event-Type")).isEqualTo("payment.expired"));
    }

    @Test
    void a_merchant_without_an_endpoint_gets_no_delivery() {
        String paymentId = successfulCollection();

        assertThat(http.get("/api/v1/webhook-deliveries", apiKey).json().path("total").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE payment_id = ?::uuid", Integer.class,
                paymentId)).isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_webhook_never_accepted_fails_for_good_and_a_replay_sends_it_again_with_the_same_event_id(CapturedOutput logs)
            throws IOException {
        String closedUrl = "http://localhost:" + closedPort() + "/webhooks";
        String secret = http.put("/api/v1/webhook-endpoint", apiKey, "{\"url\":\"" + closedUrl + "\"}").json()
                .path("secret").asText();
        String paymentId = successfulCollection();
        JsonNode failed = awaitDelivery(paymentId, "FAILED");
        String deliveryId = failed.path("id").asText();
        JsonNode attempts = delivery(deliveryId).path("attempts");
        assertThat(attempts.size()).isGreaterThan(1);
        assertThat(attempts.findValues("httpStatus")).allMatch(JsonNode::isNull);
        assertThat(attempts.findValuesAsText("error")).allMatch(error -> error.contains("Connect"));

        http.put("/api/v1/webhook-endpoint", apiKey, "{\"url\":\"" + receiver.url(path) + "\"}");
        HttpResponseView replay = http.post("/api/v1/webhook-deliveries/" + deliveryId + "/replay", apiKey, "");

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().path("status").asText()).isEqualTo("PENDING");
        JsonNode delivered = awaitDelivery(paymentId, "DELIVERED");
        assertThat(delivered.path("replays").asInt()).isEqualTo(1);
        assertThat(receiver.received(path)).singleElement()
                .satisfies(webhook -> assertThat(webhook.header("X-Gateway-Event-Id")).isEqualTo(deliveryId));
        assertThat(logs.getAll()).contains(deliveryId + " failed for good").doesNotContain(secret);
    }

    @Test
    void a_delivered_webhook_is_replayed_with_the_same_event_id_and_body() {
        subscribe();
        String paymentId = successfulCollection();
        String deliveryId = awaitDelivery(paymentId, "DELIVERED").path("id").asText();

        assertThat(http.post("/api/v1/webhook-deliveries/" + deliveryId + "/replay", apiKey, "").status()).isEqualTo(202);

        List<Received> sent = receiver.awaitCount(path, 2, WAIT);
        assertThat(sent).extracting(request -> request.header("X-Gateway-Event-Id")).containsOnly(deliveryId);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
    }

    @Test
    void a_pending_webhook_whose_endpoint_is_removed_ends_failed() {
        receiver.answerAll(path, 500);
        subscribe();
        String paymentId = successfulCollection();
        receiver.awaitCount(path, 1, WAIT);

        assertThat(http.delete("/api/v1/webhook-endpoint", apiKey).status()).isEqualTo(200);

        JsonNode failed = awaitDelivery(paymentId, "FAILED");
        assertThat(failed.path("lastError").asText()).isEqualTo("No webhook endpoint is configured");
    }

    @Test
    void a_merchant_sees_and_replays_only_its_own_deliveries() {
        subscribe();
        String deliveryId = awaitDelivery(successfulCollection(), "DELIVERED").path("id").asText();
        String otherMerchant = TestMerchants.newApiKey(clients);

        HttpResponseView seen = http.get("/api/v1/webhook-deliveries/" + deliveryId, otherMerchant);
        HttpResponseView replayed = http.post("/api/v1/webhook-deliveries/" + deliveryId + "/replay", otherMerchant, "");

        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.json().path("code").asText()).isEqualTo("WEBHOOK_DELIVERY_NOT_FOUND");
        assertThat(replayed.status()).isEqualTo(404);
        assertThat(http.get("/api/v1/webhook-deliveries", otherMerchant).json().path("total").asInt()).isZero();
        assertThat(receiver.received(path)).hasSize(1);
    }

    @Test
    void a_refund_is_announced_like_any_payment() {
        subscribe();
        String collectionId = successfulCollection();
        String refundId = http.post("/api/v1/payments/" + collectionId + "/refunds", apiKey, "{}").json().path("id").asText();
        awaitStatus(refundId, "SUCCESSFUL");

        JsonNode delivery = awaitDelivery(refundId, "DELIVERED");

        JsonNode event = delivery(delivery.path("id").asText()).path("event");
        assertThat(event.path("type").asText()).isEqualTo("payment.succeeded");
        assertThat(event.path("data").path("type").asText()).isEqualTo("REFUND");
        assertThat(event.path("data").path("originalPaymentId").asText()).isEqualTo(collectionId);
    }

    @Test
    void deliveries_are_listed_newest_first_and_filtered_by_status_and_payment() {
        subscribe();
        String delivered = successfulCollection();
        awaitDelivery(delivered, "DELIVERED");
        receiver.answerAll(path, 500);
        String retrying = successfulCollection();
        receiver.awaitCount(path, 2, WAIT);

        JsonNode newest = http.get("/api/v1/webhook-deliveries?size=1", apiKey).json();
        assertThat(newest.path("total").asInt()).isEqualTo(2);
        assertThat(newest.path("items").findValuesAsText("paymentId")).containsExactly(retrying);
        assertThat(http.get("/api/v1/webhook-deliveries?status=delivered", apiKey).json().path("items")
                .findValuesAsText("paymentId")).containsExactly(delivered);
        assertThat(http.get("/api/v1/webhook-deliveries?status=PENDING&paymentId=" + retrying, apiKey).json()
                .path("items").findValuesAsText("paymentId")).containsExactly(retrying);
        assertThat(http.get("/api/v1/webhook-deliveries?page=1&size=2", apiKey).json().path("items")).isEmpty();
    }

    @Test
    void after_a_rotation_webhooks_are_signed_with_the_new_secret_and_for_a_while_the_previous_one() {
        String previous = subscribe();
        String current = http.post("/api/v1/webhook-endpoint/rotate-secret", apiKey, "").json().path("secret").asText();

        awaitDelivery(successfulCollection(), "DELIVERED");

        Received webhook = receiver.received(path).get(0);
        String signature = webhook.header("X-Gateway-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(MerchantVerification.verifies(signature.replaceFirst(",v1=[0-9a-f]+$", ""), webhook.body(), current)).isTrue();
        assertThat(MerchantVerification.verifies(signature.replaceFirst(",v1=[0-9a-f]+,", ","), webhook.body(), previous)).isTrue();
    }

    @Test
    void delivered_webhooks_are_counted_in_the_metrics() {
        double before = deliveredCount();
        subscribe();

        awaitDelivery(successfulCollection(), "DELIVERED");

        assertThat(deliveredCount()).isGreaterThan(before);
    }

    private double deliveredCount() {
        HttpResponseView metric = http.get("/actuator/metrics/gateway.webhooks.deliveries?tag=outcome:delivered", null);
        return metric.status() == 404 ? 0 : metric.json().path("measurements").get(0).path("value").asDouble();
    }

    private static JsonNode withoutUpdatedAt(JsonNode payment) {
        ObjectNode copy = payment.deepCopy();
        copy.remove("updatedAt");
        return copy;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
