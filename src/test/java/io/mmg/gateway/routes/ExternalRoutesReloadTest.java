package io.mmg.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.security.ClientDirectory;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Integration engineers edit routes without recompiling: files in gateway.routes.dir are loaded at
 * start (a bundled file's name replaces it) and reloaded when they change; an adapter of another API is one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.routes.dir=target/external-routes-test", "gateway.security.public-paths=/test/**"})
@ActiveProfiles("test")
class ExternalRoutesReloadTest {

    static final Path DIR = Path.of("target/external-routes-test");

    static {
        // Written before the application starts, as an engineer would have them in place.
        write("greeting.yaml", greetingRoute("hello"));
        write("health.yaml", bundled("routes/health.yaml").replace("{\"status\":\"UP\"}", "{\"status\":\"UP\",\"edited\":true}"));
        write("example-adapter.yaml", exampleAdapter());
        write("guarded.yaml", guardedRoute("direct:create-collection"));
    }

    @LocalServerPort
    int port;
    @Autowired
    ClientDirectory clients;

    @Test
    void a_file_named_like_a_bundled_route_replaces_it() {
        GatewayHttp http = new GatewayHttp(port);
        assertThat(http.get("/api/v1/ping", null).json().path("edited").asBoolean()).isTrue();
    }

    @Test
    void an_edited_route_takes_effect_without_a_restart() {
        GatewayHttp http = new GatewayHttp(port);
        assertThat(http.get("/test/greeting", null).json().path("greeting").asText()).isEqualTo("hello");

        write("greeting.yaml", greetingRoute("karibu"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(http.get("/test/greeting", null).json().path("greeting").asText()).isEqualTo("karibu"));
    }

    @Test
    void an_adapter_dropped_into_the_folder_serves_another_api_in_its_own_words() {
        GatewayHttp http = new GatewayHttp(port);
        String apiKey = TestMerchants.newApiKey(clients);

        HttpResponseView paid = http.post("/api/shop/pay", apiKey,
                "{\"msisdn\":\"" + Phones.uganda() + "\",\"total\":\"1500\",\"order\":42}");

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().path("ok").asBoolean()).isTrue();
        assertThat(paid.json().path("state").asText()).isEqualTo("pending");
        String ref = paid.json().path("ref").asText();
        JsonNode payment = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.get("/api/shop/payments/" + ref, apiKey).json(), answer -> "paid".equals(answer.path("state").asText()));
        assertThat(payment.path("amount").decimalValue()).isEqualByComparingTo("1500");
        assertThat(http.get("/api/v1/payments/" + ref, apiKey).json().path("externalId").asText()).isEqualTo("42");
    }

    @Test
    void a_route_file_added_later_never_sends_request_headers_back() {
        GatewayHttp http = new GatewayHttp(port);
        write("header-echo.yaml", """
                - route:
                    id: test-header-echo
                    description: A route that leaves the request's headers on the message, as a route author might
                    from:
                      uri: platform-http:/test/header-echo
                      steps:
                        - setBody:
                            constant: '{"echo":"headers left on the message"}'
                """);
        Map<String, String> probes = Map.of("Authorization", "Bearer probe-key", "Cookie", "session=probe-cookie",
                "X-Probe-Secret", "probe-secret");

        HttpResponseView answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", "/test/header-echo", null, probes), reply -> reply.status() == 200);

        assertThat(answer.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("authorization", "cookie", "x-probe-secret");
    }

    @Test
    void an_edit_that_fails_the_route_check_is_not_loaded_and_the_previous_route_keeps_serving() {
        GatewayHttp http = new GatewayHttp(port);

        write("guarded.yaml", guardedRoute("exec:rm?args=-rf"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(http.get("/api/v1/admin/routes", "test-admin-key").json().path("lastReload").path("error").asText())
                        .contains("guarded.yaml:13: endpoint 'exec:rm' uses 'exec:', which the gateway does not allow"));
        assertThat(http.get("/test/guarded", null).json().path("guarded").asBoolean()).isTrue();
    }

    private static String guardedRoute(String target) {
        return """
                - route:
                    id: test-guarded
                    description: A route whose edit the route check refuses
                    from:
                      uri: platform-http:/test/guarded
                      steps:
                        - setHeader:
                            name: Content-Type
                            constant: application/json
                        - filter:
                            simple: "${header.never} == 'yes'"
                            steps:
                              - to: %s
                        - setBody:
                            constant: '{"guarded":true}'
                """.formatted(target);
    }

    /** The example of docs/compatibility.md, as an engineer would copy it. */
    private static String exampleAdapter() {
        try {
            String page = Files.readString(Path.of("docs/compatibility.md"));
            int start = page.indexOf("# example-adapter.yaml");
            return page.substring(start, page.indexOf("```", start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String greetingRoute(String greeting) {
        return """
                - route:
                    id: test-greeting
                    description: A route an engineer dropped into the routes folder
                    from:
                      uri: platform-http:/test/greeting
                      steps:
                        - setHeader:
                            name: Content-Type
                            constant: application/json
                        - setBody:
                            constant: '{"greeting":"%s"}'
                """.formatted(greeting);
    }

    private static String bundled(String resource) {
        try (InputStream in = ExternalRoutesReloadTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String name, String content) {
        try {
            Files.createDirectories(DIR);
            Path temporary = DIR.resolve(name + ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, DIR.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
