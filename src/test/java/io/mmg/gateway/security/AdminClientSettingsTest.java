package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API of a merchant's guards (README "Per-client guards"). */
class AdminClientSettingsTest extends GatewayApiTest {

    @Test
    void settings_are_read_back_as_they_were_set() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);

        HttpResponseView set = merchant.putSettings(
                "{\"initiationsPerMinute\": 7, \"readsPerMinute\": 70, \"allowedSources\": [\"10.1.0.0/16\"]}");
        HttpResponseView read = http.get("/api/v1/admin/clients/" + merchant.clientId() + "/settings",
                ClientSettingsAdmin.ADMIN);

        assertThat(set.status()).isEqualTo(200);
        assertThat(read.json().path("initiationsPerMinute").asInt()).isEqualTo(7);
        assertThat(read.json().path("readsPerMinute").asInt()).isEqualTo(70);
        assertThat(read.json().path("ownLimits").asBoolean()).isTrue();
        assertThat(read.json().path("allowedSources").get(0).asText()).isEqualTo("10.1.0.0/16");
        assertThat(read.json().path("signedRequestsRequired").asBoolean()).isFalse();
    }

    @Test
    void an_unknown_client_is_404() {
        HttpResponseView answer = http.put("/api/v1/admin/clients/" + UUID.randomUUID() + "/settings",
                ClientSettingsAdmin.ADMIN, "{}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void a_merchant_key_cannot_change_its_own_settings() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);

        HttpResponseView answer = http.put("/api/v1/admin/clients/" + merchant.clientId() + "/settings",
                merchant.apiKey(), "{\"readsPerMinute\": 0}");

        assertThat(answer.status()).isEqualTo(401);
    }
}
