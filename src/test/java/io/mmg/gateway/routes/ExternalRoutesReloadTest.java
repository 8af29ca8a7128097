package io.mmg.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Integration engineers edit routes without recompiling: files in gateway.routes.dir are loaded at
 * start (a bundled file's name replaces it) and reloaded when they change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.routes.dir=target/external-routes-test")
@ActiveProfiles("test")
class ExternalRoutesReloadTest {

    static final Path DIR = Path.of("target/external-routes-test");

    static {
        // Written before the application starts, as an engineer would have them in place.
        write("greeting.yaml", greetingRoute("hello"));
        write("health.yaml", bundled("routes/health.yaml").replace("{\"status\":\"UP\"}", "{\"status\":\"UP\",\"edited\":true}"));
    }

    @LocalServerPort
    int port;

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
