package io.mmg.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.GatewayApplication;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gateway in JVMs of their own, as `java -jar` runs it (the main classes only): the usual start-up mistakes end
 * in one paragraph saying what and which setting, never a stack trace; a normal stop logs no warning or error.
 * Each report's length is printed for docs/runbooks.md.
 */
class StartAndStopTest {

    private static final Pattern LEVEL_WARN_OR_ERROR = Pattern.compile("\"(log\\.)?level\":\"(WARN|ERROR)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void a_second_gateway_on_the_same_embedded_database_is_told_so_and_the_first_stops_without_errors() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "embedded-db-");
        int firstPort = freePort();
        Process first = start("first", firstPort,
                Map.of("GATEWAY_EMBEDDED_DB_DIR", dataDir.toString(), "GATEWAY_LOG_FORMAT", "ecs"));
        String paymentId;
        try {
            awaitReady(firstPort, Duration.ofSeconds(300));
            paymentId = collect(firstPort);

            Gateway second = run("second", freePort(), Map.of("GATEWAY_EMBEDDED_DB_DIR", dataDir.toString()));

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.log()).contains("APPLICATION FAILED TO START",
                    "Another gateway is already running on the embedded database in " + dataDir, "GATEWAY_EMBEDDED_DB_DIR");
            assertThat(second.stackFrames()).as("stack frames").isZero();
        } finally {
            first.destroy();
        }
        assertThat(first.waitFor(90, TimeUnit.SECONDS)).as("stopped").isTrue();
        List<String> lines = Files.readAllLines(logOf("first"), StandardCharsets.UTF_8);
        // GATEWAY_LOG_FORMAT=ecs: JSON lines, the payment id a field of every line about the payment.
        assertThat(lines.stream().filter(line -> line.contains("\"paymentId\":\"" + paymentId + "\"")))
                .anySatisfy(line -> assertThat(line).startsWith("{").contains("PENDING -> SUCCESSFUL", "256******456"));
        List<String> stop = lines.subList(indexOf(lines, "Commencing graceful shutdown"), lines.size());
        System.out.println("[stop] " + stop.size() + " lines, exit " + first.exitValue());
        assertThat(stop).noneMatch(line -> LEVEL_WARN_OR_ERROR.matcher(line).find());
        assertThat(String.join("\n", stop)).contains("Graceful shutdown complete");
    }

    /** A sandbox collection on that gateway; returns its id once it is SUCCESSFUL (the simulator's callback). */
    private static String collect(int port) throws Exception {
        String key = "Bearer sk_sandbox_demo_key_0123456789";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/collections")).header("Authorization", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String id = new ObjectMapper().readTree(created.body()).path("id").asText();
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/" + id))
                .header("Authorization", key).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (HTTP.send(read, HttpResponse.BodyHandlers.ofString()).body().contains("\"SUCCESSFUL\"")) {
                return id;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Payment " + id + " did not succeed: " + created.body());
    }

    @Test
    void a_port_in_use_is_named_with_gateway_port() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Gateway gateway = run("port-in-use", taken.getLocalPort(), Map.of("GATEWAY_EMBEDDED_DB_DIR", ""));

            assertThat(gateway.exitCode()).isEqualTo(1);
            assertThat(gateway.log()).contains("APPLICATION FAILED TO START",
                    "Port " + taken.getLocalPort() + " is already in use", "GATEWAY_PORT");
            assertThat(gateway.stackFrames()).as("stack frames").isZero();
        }
    }

    @Test
    void a_datasource_url_that_is_not_a_jdbc_url_is_named_without_its_password() throws Exception {
        Gateway gateway = run("not-jdbc", freePort(),
                Map.of("SPRING_DATASOURCE_URL", "postgres://gateway:s3cret@127.0.0.1:5432/gateway"));

        assertThat(gateway.exitCode()).isEqualTo(1);
        assertThat(gateway.log()).contains("APPLICATION FAILED TO START", "SPRING_DATASOURCE_URL",
                "postgres://127.0.0.1:5432/gateway", "jdbc:postgresql://<host>:5432/<database>")
                .doesNotContain("s3cret");
        assertThat(gateway.stackFrames()).as("stack frames").isZero();
    }

    private record Gateway(int exitCode, List<String> lines) {
        String log() {
            return String.join("\n", lines);
        }

        long stackFrames() {
            return lines.stream().filter(line -> line.startsWith("\tat ")).count();
        }
    }

    /** Starts a gateway that is expected to fail, waits for its exit and reads its output. */
    private static Gateway run(String name, int port, Map<String, String> environment) throws Exception {
        Process gateway = start(name, port, environment);
        try {
            assertThat(gateway.waitFor(240, TimeUnit.SECONDS)).as("exited").isTrue();
        } finally {
            gateway.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(logOf(name), StandardCharsets.UTF_8);
        System.out.println("[start-up report " + name + "] " + lines.size() + " lines");
        return new Gateway(gateway.exitValue(), lines);
    }

    private static Process start(String name, int port, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-cp", mainClassPath(),
                GatewayApplication.class.getName(), "--server.port=" + port,
                "--gateway.batches.dir=target/test-batches/" + name));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logOf(name).toFile());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Path logOf(String name) throws Exception {
        return Files.createDirectories(Path.of("target", "start-and-stop")).resolve(name + ".log");
    }

    private static void awaitReady(int port, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The gateway on port " + port + " was not ready within " + atMost);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("No line with: " + text);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path without the test classes (whose spring.factories would prepare a test database). */
    private static String mainClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
