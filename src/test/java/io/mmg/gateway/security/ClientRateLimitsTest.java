package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Per-client rate limits by kind of call, with their headers, held across instances (README "Security"). */
class ClientRateLimitsTest extends GatewayApiTest {

    @Autowired
    RateLimitSettings defaults;
    @Value("${gateway.sandbox.api-key}")
    String sandboxKey;

    private HttpResponseView initiate(ClientSettingsAdmin merchant) {
        // An invalid body: refused by validation after the limit has counted it, and nothing is paid.
        return http.post("/api/v1/collections", merchant.apiKey(), "{}");
    }

    @Test
    void initiations_over_the_clients_limit_get_429_rate_limited_with_retry_after() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http)
                .withSettings("{\"initiationsPerMinute\": 2, \"readsPerMinute\": 100}");

        HttpResponseView first = initiate(merchant);
        HttpResponseView second = initiate(merchant);
        HttpResponseView third = initiate(merchant);

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("1");
        assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(third.json().path("details").path("kind").asText()).isEqualTo("INITIATION");
        assertThat(third.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(third.header("Retry-After"))).isBetween(1, 60);
        assertThat(Integer.parseInt(third.header("RateLimit-Reset"))).isBetween(1, 60);
    }

    @Test
    void reads_have_a_limit_of_their_own() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http)
                .withSettings("{\"initiationsPerMinute\": 1, \"readsPerMinute\": 3}");
        initiate(merchant);
        assertThat(initiate(merchant).status()).isEqualTo(429);

        for (int i = 0; i < 3; i++) {
            HttpResponseView read = http.get("/api/v1/payments", merchant.apiKey());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(read.header("RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
        }
        HttpResponseView refused = http.get("/api/v1/payments/" + UUID.randomUUID(), merchant.apiKey());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("details").path("kind").asText()).isEqualTo("READ");
    }

    @Test
    void one_clients_limit_does_not_touch_another_client() {
        ClientSettingsAdmin busy = ClientSettingsAdmin.newMerchant(http).withSettings("{\"readsPerMinute\": 1}");
        ClientSettingsAdmin quiet = ClientSettingsAdmin.newMerchant(http).withSettings("{\"readsPerMinute\": 1}");

        http.get("/api/v1/payments", busy.apiKey());
        assertThat(http.get("/api/v1/payments", busy.apiKey()).status()).isEqualTo(429);

        assertThat(http.get("/api/v1/payments", quiet.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void a_client_without_limits_of_its_own_has_the_configured_defaults() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);

        HttpResponseView read = http.get("/api/v1/payments", merchant.apiKey());
        HttpResponseView settings = http.get("/api/v1/admin/clients/" + merchant.clientId() + "/settings",
                ClientSettingsAdmin.ADMIN);

        assertThat(read.header("RateLimit-Limit")).isEqualTo(String.valueOf(defaults.readsPerMinute()));
        assertThat(settings.json().path("initiationsPerMinute").asInt()).isEqualTo(defaults.initiationsPerMinute());
        assertThat(settings.json().path("ownLimits").asBoolean()).isFalse();
    }

    @Test
    void a_limit_of_zero_means_unlimited_and_sends_no_rate_limit_headers() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http).withSettings("{\"readsPerMinute\": 0}");

        HttpResponseView read = http.get("/api/v1/payments", merchant.apiKey());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("RateLimit-Limit")).isNull();
    }

    @Test
    void the_sandbox_merchant_is_not_limited_by_default() {
        HttpResponseView read = http.get("/api/v1/payments", sandboxKey);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("RateLimit-Limit")).isNull();
    }

    @Test
    void the_limit_holds_across_instances_sharing_the_database() {
        ClientRateLimits one = new ClientRateLimits(jdbc);
        ClientRateLimits two = new ClientRateLimits(jdbc);
        UUID client = UUID.fromString(ClientSettingsAdmin.newMerchant(http).clientId());

        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            ClientRateLimits instance = i % 2 == 0 ? one : two;
            if (instance.take(client, CallKind.INITIATION, 4).allowed()) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(4);
        assertThat(two.take(client, CallKind.READ, 4).allowed()).isTrue();
    }

    @Test
    void limits_that_are_not_whole_numbers_of_zero_or_more_are_refused_with_400() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);

        for (String body : new String[] {"{\"initiationsPerMinute\": -1}", "{\"readsPerMinute\": \"many\"}",
                "{\"readsPerMinute\": 1.5}", "[]", "not json"}) {
            HttpResponseView answer = merchant.putSettings(body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        }
    }
}
