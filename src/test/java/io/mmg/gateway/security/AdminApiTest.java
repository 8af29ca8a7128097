package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.GatewayIntegrationTest;
import io.mmg.gateway.support.HttpResponseView;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@GatewayIntegrationTest
class AdminApiTest {

    static final String ADMIN = "test-admin-key";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_operator_creates_a_merchant_whose_key_works_at_once_and_is_stored_hashed() {
        GatewayHttp http = new GatewayHttp(port);

        HttpResponseView created = http.post("/api/v1/admin/clients", ADMIN, "{\"name\":\"Kampala Books\"}");

        assertThat(created.status()).isEqualTo(201);
        String apiKey = created.json().path("apiKey").asText();
        assertThat(apiKey).startsWith("sk_live_").hasSizeGreaterThan(40);
        assertThat(http.get("/api/v1/payments", apiKey).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE key_hash = ?", Integer.class, apiKey)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE key_hash = ?", Integer.class,
                Secrets.sha256(apiKey))).isEqualTo(1);
    }

    @Test
    void keys_are_rotated_by_issuing_a_new_one_and_revoking_the_old() {
        GatewayHttp http = new GatewayHttp(port);
        JsonNode client = http.post("/api/v1/admin/clients", ADMIN, "{\"name\":\"Rotating\"}").json();
        String clientId = client.path("clientId").asText();

        JsonNode second = http.post("/api/v1/admin/clients/" + clientId + "/api-keys", ADMIN, "").json();
        HttpResponseView revoked = http.send("DELETE", "/api/v1/admin/clients/" + clientId + "/api-keys/"
                + client.path("apiKeyId").asText(), null, Map.of("Authorization", "Bearer " + ADMIN));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/payments", second.path("apiKey").asText()).status()).isEqualTo(200);
    }

    @Test
    void the_admin_api_needs_the_admin_key_and_valid_input() {
        GatewayHttp http = new GatewayHttp(port);
        assertThat(http.post("/api/v1/admin/clients", "wrong", "{\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/admin/clients", null, "{\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/admin/clients", ADMIN, "{}").json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(http.post("/api/v1/admin/clients/" + UUID.randomUUID() + "/api-keys", ADMIN, "").status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/v1/admin/clients/" + UUID.randomUUID() + "/api-keys/" + UUID.randomUUID(),
                null, Map.of("Authorization", "Bearer " + ADMIN)).status()).isEqualTo(404);
    }
}
