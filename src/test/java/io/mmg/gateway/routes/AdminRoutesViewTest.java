package io.mmg.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;

/** GET /api/v1/admin/routes: the running routes as an engineer needs to see them, for the operator's key only. */
class AdminRoutesViewTest extends GatewayApiTest {

    static final String ADMIN_KEY = "test-admin-key";

    JsonNode route(JsonNode view, String id) {
        return StreamSupport.stream(view.path("routes").spliterator(), false)
                .filter(route -> id.equals(route.path("id").asText())).findFirst().orElseThrow();
    }

    @Test
    void each_route_shows_its_source_status_and_counters() {
        http.post("/api/v1/collections", apiKey, "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}");

        JsonNode collection = route(http.get("/api/v1/admin/routes", ADMIN_KEY).json(), "create-collection");

        assertThat(collection.path("source").asText()).startsWith("collection.yaml:");
        assertThat(collection.path("status").asText()).isEqualTo("Started");
        assertThat(collection.path("from").asText()).isEqualTo("direct://create-collection");
        assertThat(collection.path("exchanges").asLong()).isPositive();
        assertThat(collection.path("failed").asLong()).isNotNegative();
        assertThat(collection.path("meanMillis").decimalValue()).isPositive();
    }

    @Test
    void a_failed_exchange_is_counted_as_failed() {
        JsonNode before = route(http.get("/api/v1/admin/routes", ADMIN_KEY).json(), "get-payment");

        // A refused key never reaches a route (AuthenticationGuard); an unknown payment fails inside get-payment.
        http.get("/api/v1/payments/" + UUID.randomUUID(), apiKey);

        JsonNode after = route(http.get("/api/v1/admin/routes", ADMIN_KEY).json(), "get-payment");
        assertThat(after.path("failed").asLong()).isEqualTo(before.path("failed").asLong() + 1);
    }

    @Test
    void the_view_needs_the_admin_key() {
        assertThat(http.get("/api/v1/admin/routes", apiKey).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/routes", apiKey).json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Autowired
    RoutesHealthIndicator routesHealth;

    @Test
    void health_has_a_routes_part_that_is_up_and_not_in_readiness() {
        assertThat(routesHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(routesHealth.health().getDetails()).containsEntry("skippedFiles", java.util.List.of());
        assertThat(http.get("/actuator/health/readiness", null).body()).doesNotContain("routes");
    }
}
