package io.mmg.gateway.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.security.ClientDirectory;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the API tests: the running gateway over HTTP, its simulators' control APIs, the database
 * for assertions, and a fresh merchant per test.
 */
@GatewayIntegrationTest
public abstract class GatewayApiTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ClientDirectory clients;
    @Autowired
    protected JdbcTemplate jdbc;

    protected GatewayHttp http;
    protected MtnSandbox mtn;
    protected MpesaSandbox mpesa;
    protected String apiKey;

    @BeforeEach
    void connectAsNewMerchant() {
        http = new GatewayHttp(port);
        mtn = new MtnSandbox(http);
        mpesa = new MpesaSandbox(http);
        apiKey = TestMerchants.newApiKey(clients);
    }

    /** POST /collections for this merchant; returns the answer as it came. */
    protected HttpResponseView collect(String phone, String amount) {
        return http.post("/api/v1/collections", apiKey, "{\"amount\":\"" + amount + "\",\"phoneNumber\":\"" + phone + "\"}");
    }

    protected String status(String paymentId) {
        return http.get("/api/v1/payments/" + paymentId, apiKey).json().path("status").asText();
    }

    /** Asks the gateway to ask the provider ({@code ?refresh=true}) until the payment has this status. */
    protected JsonNode awaitRefreshedStatus(String paymentId, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
                () -> http.get("/api/v1/payments/" + paymentId + "?refresh=true", apiKey).json(),
                payment -> payment.path("status").asText().equals(status));
    }

    protected JsonNode awaitStatus(String paymentId, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
                () -> http.get("/api/v1/payments/" + paymentId, apiKey).json(),
                payment -> payment.path("status").asText().equals(status));
    }
}
