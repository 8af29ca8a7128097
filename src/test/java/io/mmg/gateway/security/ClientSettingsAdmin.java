package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;

/** A fresh merchant made through the admin API, and its settings changed the same way. */
record ClientSettingsAdmin(GatewayHttp http, String clientId, String apiKey) {

    static final String ADMIN = "test-admin-key";

    static ClientSettingsAdmin newMerchant(GatewayHttp http) {
        HttpResponseView created = http.post("/api/v1/admin/clients", ADMIN, "{\"name\":\"guarded merchant\"}");
        assertThat(created.status()).isEqualTo(201);
        return new ClientSettingsAdmin(http, created.json().path("clientId").asText(),
                created.json().path("apiKey").asText());
    }

    HttpResponseView putSettings(String json) {
        return http.put("/api/v1/admin/clients/" + clientId + "/settings", ADMIN, json);
    }

    ClientSettingsAdmin withSettings(String json) {
        HttpResponseView answer = putSettings(json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return this;
    }

    /** Requires signed requests; returns the signing secret (shown once). */
    String requireSigning() {
        HttpResponseView issued = http.post("/api/v1/admin/clients/" + clientId + "/signing-secret", ADMIN, "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("signingSecret").asText();
    }
}
