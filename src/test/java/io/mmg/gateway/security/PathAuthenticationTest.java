package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.TestMerchants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Authentication is a property of the path: a route an engineer drops into the external folder with no auth step is
 * closed all the same, serves a merchant's key with the merchant in {@code client}, and only listed paths are open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.routes.dir=target/path-authentication-test",
        "gateway.security.public-paths=/partner/open"})
@ActiveProfiles("test")
class PathAuthenticationTest {

    static final Path DIR = Path.of("target/path-authentication-test");

    static {
        try {
            // Added while the gateway runs, by its test: not there at start, whatever an earlier run left.
            Files.deleteIfExists(DIR.resolve("late.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write("greetings.yaml", """
                - rest:
                    id: test-greetings-api
                    path: /api/v1/test-greetings
                    get:
                      - id: rest-get-test-greeting
                        produces: application/json
                        to: direct:test-greeting
                - route:
                    id: test-greeting
                    description: A REST verb an engineer added under /api/v1, with no authentication step
                    from:
                      uri: direct:test-greeting
                      steps:
                        - setHeader:
                            name: Content-Type
                            constant: application/json
                        - setBody:
                            simple: '{"client":"${exchangeProperty.client.name}"}'
                """);
        write("partner.yaml", """
                - route:
                    id: test-partner-hook
                    description: A plain HTTP route outside /api/v1, with no authentication step
                    from:
                      uri: platform-http:/partner/hook
                      steps:
                        - setBody:
                            constant: '{"served":true}'
                - route:
                    id: test-partner-open
                    description: A route its author listed in gateway.security.public-paths
                    from:
                      uri: platform-http:/partner/open
                      steps:
                        - setBody:
                            constant: '{"served":true}'
                """);
    }

    @LocalServerPort
    int port;
    @Autowired
    ClientDirectory clients;

    @Test
    void a_rest_route_added_without_an_auth_step_refuses_a_request_without_a_key() {
        HttpResponseView answer = new GatewayHttp(port).get("/api/v1/test-greetings", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(answer.json().path("error").asText()).isNotBlank();
    }

    @Test
    void a_rest_route_added_without_an_auth_step_serves_a_valid_key_with_its_merchant_as_client() {
        String apiKey = clients.createClient("path-guard-merchant").apiKey();

        HttpResponseView answer = new GatewayHttp(port).get("/api/v1/test-greetings", apiKey);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("client").asText()).isEqualTo("path-guard-merchant");
    }

    @Test
    void a_rest_route_added_without_an_auth_step_refuses_a_key_the_gateway_does_not_know() {
        HttpResponseView answer = new GatewayHttp(port).get("/api/v1/test-greetings", "not-a-key");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_route_file_added_while_the_gateway_runs_is_closed_too() {
        GatewayHttp http = new GatewayHttp(port);
        write("late.yaml", """
                - route:
                    id: test-late-route
                    description: A route dropped into the folder after start-up, with no authentication step
                    from:
                      uri: platform-http:/api/v1/test-late
                      steps:
                        - setBody:
                            constant: '{"served":true}'
                """);

        HttpResponseView answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/api/v1/test-late", null), reply -> reply.status() != 404);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_route_added_outside_the_api_is_closed_unless_its_path_is_listed_public() {
        GatewayHttp http = new GatewayHttp(port);

        assertThat(http.get("/partner/hook", null).status()).isEqualTo(401);
        assertThat(http.get("/partner/hook", TestMerchants.newApiKey(clients)).status()).isEqualTo(200);
        assertThat(http.get("/partner/open", null).status()).isEqualTo(200);
    }

    @Test
    void an_admin_path_refuses_a_merchant_key() {
        HttpResponseView answer = new GatewayHttp(port).get("/api/v1/admin/routes", TestMerchants.newApiKey(clients));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void an_admin_path_spelled_with_doubled_slashes_still_needs_the_admin_key() {
        HttpResponseView answer = new GatewayHttp(port).get("/api/v1//admin/routes", TestMerchants.newApiKey(clients));

        assertThat(answer.status()).isNotEqualTo(200);
    }

    @Test
    void an_admin_path_serves_the_admin_key() {
        assertThat(new GatewayHttp(port).get("/api/v1/admin/routes", "test-admin-key").status()).isEqualTo(200);
    }

    @Test
    void the_ping_and_the_openapi_document_stay_public() {
        GatewayHttp http = new GatewayHttp(port);

        assertThat(http.get("/api/v1/ping", null).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/openapi.json", null).status()).isEqualTo(200);
    }

    @Test
    void a_provider_callback_needs_no_api_key() {
        HttpResponseView answer = new GatewayHttp(port).post("/callbacks/mtn/" + UUID.randomUUID(), null, "{}");

        assertThat(answer.status()).isNotEqualTo(401);
    }

    private static void write(String name, String content) {
        try {
            Files.createDirectories(DIR);
            Path temporary = DIR.resolve(name + ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, DIR.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
