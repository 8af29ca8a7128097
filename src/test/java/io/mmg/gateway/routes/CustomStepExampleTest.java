package io.mmg.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.security.ClientDirectory;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.Phones;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The worked example of docs/routes.md (routes/examples/custom-steps.yaml), dropped into the routes folder as
 * an engineer would: collections of the named merchant are tagged, the others are not. Beside it lies a broken
 * file, which the gateway skips (gateway.routes.skip-broken) and shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.routes.dir=target/custom-step-example-test", "gateway.routes.skip-broken=true"})
@ActiveProfiles("test")
class CustomStepExampleTest {

    static final Path DIR = Path.of("target/custom-step-example-test");
    static final String MERCHANT = "Acme Shop " + UUID.randomUUID();

    static {
        try {
            Files.createDirectories(DIR);
            String example = Files.readString(Path.of("routes/examples/custom-steps.yaml"));
            Files.writeString(DIR.resolve("custom-steps.yaml"), example.replace("'Acme Shop'", "'" + MERCHANT + "'"));
            Files.writeString(DIR.resolve("broken.yaml"), example.replace("- filter:", "- filtre:").replace("collection-custom-step", "broken-step"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ClientDirectory clients;

    String collect(String apiKey) {
        GatewayHttp http = new GatewayHttp(port);
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda()
                + "\",\"metadata\":{\"order\":\"42\"}}").json().path("id").asText();
        return http.get("/api/v1/payments/" + id, apiKey).json().path("metadata").toString();
    }

    @Test
    void the_named_merchants_collections_are_tagged() {
        String metadata = collect(clients.createClient(MERCHANT).apiKey());

        assertThat(metadata).isEqualTo("{\"order\":\"42\",\"channel\":\"acme-pos\"}");
    }

    @Test
    void other_merchants_collections_pass_unchanged() {
        String metadata = collect(clients.createClient("Another Shop " + UUID.randomUUID()).apiKey());

        assertThat(metadata).isEqualTo("{\"order\":\"42\"}");
    }

    @Test
    void the_admin_route_view_shows_the_custom_step_from_its_file() {
        JsonNode view = new GatewayHttp(port).get("/api/v1/admin/routes", "test-admin-key").json();

        JsonNode step = StreamSupport.stream(view.path("routes").spliterator(), false)
                .filter(route -> "collection-custom-step".equals(route.path("id").asText())).findFirst().orElseThrow();
        assertThat(step.path("source").asText()).startsWith("custom-steps.yaml:");
        assertThat(step.path("status").asText()).isEqualTo("Started");
        assertThat(view.path("folder").asText()).endsWith("custom-step-example-test");
        assertThat(view.path("lastReload").path("result").asText()).isEqualTo("OK");
    }

    @Autowired
    RoutesHealthIndicator routesHealth;

    @Test
    void a_skipped_broken_file_is_listed_in_the_route_view_and_in_health() {
        JsonNode view = new GatewayHttp(port).get("/api/v1/admin/routes", "test-admin-key").json();

        assertThat(view.path("skippedFiles").get(0).asText()).startsWith("broken.yaml:10: Unknown node id: filtre");
        assertThat(routesHealth.health().getDetails().get("skippedFiles").toString()).contains("broken.yaml:10");
        assertThat(routesHealth.health().getStatus().getCode()).isEqualTo("UP");
    }
}
