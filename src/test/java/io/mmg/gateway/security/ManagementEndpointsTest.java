package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.ProductionLikeGateway;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outside the sandbox, metrics and Prometheus are not public on the API port (README "Management endpoints"):
 * they need the admin key, while health and the probes stay open for load balancers.
 */
@ProductionLikeGateway
class ManagementEndpointsTest {

    private static final String ADMIN_KEY = "test-admin-key";

    @LocalServerPort
    int port;
    @Autowired
    ClientDirectory clients;
    GatewayHttp http;

    @BeforeEach
    void connect() {
        http = new GatewayHttp(port);
    }

    @Test
    void prometheus_and_metrics_without_the_admin_key_are_refused_in_the_error_format() {
        HttpResponseView prometheus = http.get("/actuator/prometheus", null);
        HttpResponseView metrics = http.get("/actuator/metrics", "sk_sandbox_demo_key_0123456789");

        assertThat(prometheus.status()).isEqualTo(401);
        assertThat(prometheus.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(metrics.status()).isEqualTo(401);
        assertThat(http.get("/actuator", null).status()).isEqualTo(401);
    }

    @Test
    void metrics_with_the_admin_key_are_served() {
        // (Spring Boot's tests export no Prometheus registry, so its endpoint is not there to be served.)
        HttpResponseView metrics = http.get("/actuator/metrics/jvm.memory.used", ADMIN_KEY);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.json().path("name").asText()).isEqualTo("jvm.memory.used");
    }

    @Test
    void the_admins_console_session_reads_the_metrics_a_merchants_does_not() {
        String adminSession = consoleSession(ADMIN_KEY);
        String merchantSession = consoleSession(clients.createClient("metrics-" + System.nanoTime()).apiKey());

        HttpResponseView asAdmin = http.send("GET", "/actuator/metrics/jvm.memory.used", null,
                Map.of("Cookie", ConsoleSessions.COOKIE + "=" + adminSession));
        HttpResponseView asMerchant = http.send("GET", "/actuator/metrics/jvm.memory.used", null,
                Map.of("Cookie", ConsoleSessions.COOKIE + "=" + merchantSession));

        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asMerchant.status()).isEqualTo(401);
    }

    private String consoleSession(String key) {
        HttpResponseView login = http.send("POST", "/console/session", "{\"apiKey\":\"" + key + "\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(login.status()).isEqualTo(200);
        return login.header("Set-Cookie").split(";", 2)[0].substring(ConsoleSessions.COOKIE.length() + 1);
    }

    @Test
    void health_and_the_probes_stay_open_for_load_balancers() {
        assertThat(http.get("/actuator/health", null).body()).contains("\"status\"");
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.get("/livez", null).status()).isEqualTo(200);
        assertThat(http.get("/readyz", null).status()).isEqualTo(200);
    }

    @Test
    void a_path_that_walks_out_of_health_is_still_guarded() {
        assertThat(http.get("/actuator/health/../metrics", null).status()).isNotEqualTo(200);
        assertThat(http.get("/actuator/health/..;/metrics", null).status()).isNotEqualTo(200);
        assertThat(http.get("/actuator/health/%2e%2e/metrics", null).status()).isNotEqualTo(200);
        assertThat(http.get("/actuator/health;x=1/../metrics", null).status()).isEqualTo(401);
    }
}
