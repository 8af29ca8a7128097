package io.mmg.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The merchant's webhook endpoint and the delivery API: answers, masking, rotation and every kind of bad input. */
class WebhookEndpointApiTest extends MerchantWebhookTest {

    private static final String ENDPOINT = "/api/v1/webhook-endpoint";

    @Test
    void a_new_endpoint_answers_its_signing_secret_once_and_shows_it_masked_afterwards() {
        HttpResponseView created = http.put(ENDPOINT, apiKey, "{\"url\":\"https://shop.example.com/momo\"}");

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        HttpResponseView shown = http.get(ENDPOINT, apiKey);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("url").asText()).isEqualTo("https://shop.example.com/momo");
        assertThat(shown.json().path("secretHint").asText()).isEqualTo("whsec_..." + secret.substring(secret.length() - 4));
        assertThat(shown.body()).doesNotContain(secret);
    }

    @Test
    void the_signing_secrets_are_stored_encrypted_under_a_named_key_never_in_clear() {
        String first = http.put(ENDPOINT, apiKey, "{\"url\":\"https://shop.example.com/momo\"}").json().path("secret").asText();
        String second = http.post(ENDPOINT + "/rotate-secret", apiKey, "").json().path("secret").asText();

        Map<String, Object> row = jdbc.queryForMap("SELECT secret, previous_secret FROM webhook_endpoint WHERE client_id = ?",
                clients.findByApiKey(apiKey).orElseThrow().id());

        // The test profile configures no key: the sandbox's built-in one (README "Secrets at rest").
        assertThat((String) row.get("secret")).startsWith("v1:sandbox:").doesNotContain(second, second.substring(6));
        assertThat((String) row.get("previous_secret")).startsWith("v1:sandbox:").doesNotContain(first, first.substring(6));
        assertThat(http.get(ENDPOINT, apiKey).json().path("secretHint").asText()).endsWith(second.substring(second.length() - 4));
    }

    @Test
    void changing_the_url_keeps_the_secret() {
        String secret = http.put(ENDPOINT, apiKey, "{\"url\":\"https://shop.example.com/v1\"}").json().path("secret").asText();

        HttpResponseView changed = http.put(ENDPOINT, apiKey, "{\"url\":\"https://shop.example.com/v2\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("url").asText()).isEqualTo("https://shop.example.com/v2");
        assertThat(changed.json().path("secretHint").asText()).endsWith(secret.substring(secret.length() - 4));
        assertThat(changed.body()).doesNotContain(secret);
    }

    @Test
    void a_rotation_answers_a_new_secret_and_until_when_the_previous_one_still_signs() {
        String first = http.put(ENDPOINT, apiKey, "{\"url\":\"https://shop.example.com/momo\"}").json().path("secret").asText();

        HttpResponseView rotated = http.post(ENDPOINT + "/rotate-secret", apiKey, "");

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().path("secret").asText()).startsWith("whsec_").isNotEqualTo(first);
        assertThat(rotated.json().path("previousSecretExpiresAt").asText()).isNotBlank();
    }

    @Test
    void a_removed_endpoint_gets_no_more_deliveries() {
        subscribe();

        HttpResponseView deleted = http.delete(ENDPOINT, apiKey);
        String paymentId = successfulCollection();

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(http.get(ENDPOINT, apiKey).json().path("code").asText()).isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
        assertThat(http.get("/api/v1/webhook-deliveries?paymentId=" + paymentId, apiKey).json().path("total").asInt()).isZero();
    }

    @Test
    void a_delivery_cannot_be_replayed_without_an_endpoint() {
        subscribe();
        String deliveryId = awaitDelivery(successfulCollection(), "DELIVERED").path("id").asText();
        http.delete(ENDPOINT, apiKey);

        HttpResponseView replay = http.post("/api/v1/webhook-deliveries/" + deliveryId + "/replay", apiKey, "");

        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.json().path("code").asText()).isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json                                          | INVALID_REQUEST",
            "[\"https://shop.example.com\"]                    | INVALID_REQUEST",
            "{\"url\":\"https://shop.example.com\",\"secret\":\"mine\"} | INVALID_REQUEST",
            "{}                                                | INVALID_WEBHOOK_URL",
            "{\"url\":42}                                      | INVALID_WEBHOOK_URL",
            "{\"url\":\"/webhooks\"}                           | INVALID_WEBHOOK_URL",
            "{\"url\":\"ftp://shop.example.com/hooks\"}        | INVALID_WEBHOOK_URL",
            "{\"url\":\"https://ops:pw@shop.example.com/x\"}   | INVALID_WEBHOOK_URL",
            "{\"url\":\"https://shop example.com/x\"}          | INVALID_WEBHOOK_URL"})
    void a_bad_endpoint_is_refused_in_the_error_format(String body, String code) {
        HttpResponseView refused = http.put(ENDPOINT, apiKey, body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo(code);
        assertThat(refused.json().path("error").asText()).isNotBlank();
        assertThat(http.get(ENDPOINT, apiKey).status()).isEqualTo(404);
    }

    @Test
    void an_endpoint_url_longer_than_2048_characters_is_refused() {
        HttpResponseView refused = http.put(ENDPOINT, apiKey, "{\"url\":\"https://shop.example.com/" + "a".repeat(2048) + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("url");
    }

    @Test
    void without_an_endpoint_there_is_nothing_to_show_rotate_or_remove() {
        assertThat(http.get(ENDPOINT, apiKey).json().path("code").asText()).isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
        assertThat(http.post(ENDPOINT + "/rotate-secret", apiKey, "").status()).isEqualTo(404);
        assertThat(http.delete(ENDPOINT, apiKey).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=SENT", "paymentId=123", "size=0", "size=101", "page=-1", "page=first"})
    void a_bad_delivery_query_is_refused_naming_the_parameter(String query) {
        HttpResponseView refused = http.get("/api/v1/webhook-deliveries?" + query, apiKey);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "6f1d7c36-0d7e-4bd9-9b4e-5a4f3c2b1a00"})
    void an_unknown_delivery_is_not_found(String id) {
        HttpResponseView one = http.get("/api/v1/webhook-deliveries/" + id, apiKey);
        HttpResponseView replay = http.post("/api/v1/webhook-deliveries/" + id + "/replay", apiKey, "");

        assertThat(one.status()).isEqualTo(404);
        assertThat(one.json().path("code").asText()).isEqualTo("WEBHOOK_DELIVERY_NOT_FOUND");
        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.json().path("code").asText()).isEqualTo("WEBHOOK_DELIVERY_NOT_FOUND");
    }

    @Test
    void every_webhook_endpoint_needs_an_api_key() {
        String delivery = "/api/v1/webhook-deliveries/" + UUID.randomUUID();
        Map<String, HttpResponseView> answers = Map.of(
                "PUT", http.put(ENDPOINT, null, "{\"url\":\"https://shop.example.com\"}"),
                "GET", http.get(ENDPOINT, null),
                "DELETE", http.delete(ENDPOINT, null),
                "rotate", http.post(ENDPOINT + "/rotate-secret", null, ""),
                "list", http.get("/api/v1/webhook-deliveries", null),
                "one", http.get(delivery, null),
                "replay", http.post(delivery + "/replay", null, ""));

        answers.forEach((call, answer) -> {
            assertThat(answer.status()).as(call).isEqualTo(401);
            JsonNode error = answer.json();
            assertThat(error.path("code").asText()).as(call).isEqualTo("UNAUTHORIZED");
        });
    }
}
