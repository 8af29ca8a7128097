package io.mmg.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.GatewayApplication;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Start-up with PostgreSQL not (yet) there: a bounded, logged wait, then a short report and a non-zero exit. */
class DatabaseStartupTest {

    @Test
    void start_up_waits_for_the_database_and_goes_on_once_it_answers() {
        OutagePostgres database = OutagePostgres.notStarted();
        DatabaseStartupWait wait = new DatabaseStartupWait(
                new DatabaseAddress(database.jdbcUrl(), "postgres", ""), Duration.ofSeconds(30), Duration.ofSeconds(1));
        CompletableFuture<Void> startedLater = CompletableFuture.runAsync(() -> {
            pause(Duration.ofSeconds(2));
            database.startAgain();
        });
        try {
            wait.untilReachable();
        } finally {
            startedLater.join();
            database.stop();
        }
    }

    @Test
    void start_up_gives_up_after_the_startup_wait_naming_the_database_and_its_last_failure() {
        OutagePostgres nothingThere = OutagePostgres.notStarted();
        DatabaseStartupWait wait = new DatabaseStartupWait(
                new DatabaseAddress(nothingThere.jdbcUrl() + "?password=secret", "postgres", "secret"),
                Duration.ofSeconds(2), Duration.ofSeconds(1));

        assertThatThrownBy(wait::untilReachable)
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageContaining(nothingThere.jdbcUrl().substring("jdbc:postgresql://".length()))
                .hasMessageContaining("08001")
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_database_that_refuses_the_gateway_is_not_waited_for() {
        String url = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String noSuchDatabase = url.replaceAll("/[^/?]+(\\?.*)?$", "/no_such_database_for_start_up");
        DatabaseStartupWait wait = new DatabaseStartupWait(new DatabaseAddress(noSuchDatabase,
                System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "")),
                Duration.ofMinutes(5), Duration.ofSeconds(1));

        assertThatThrownBy(wait::untilReachable)
                .isInstanceOfSatisfying(DatabaseUnreachableException.class,
                        refused -> assertThat(refused.waited()).isZero())
                .hasMessageContaining("3D000");
    }

    /** The real thing in a JVM of its own, on the gateway's main classes only, as `java -jar` would run it. */
    @Test
    void the_gateway_exits_non_zero_with_a_short_report_when_the_database_never_comes() throws Exception {
        OutagePostgres nothingThere = OutagePostgres.notStarted();
        Path output = Files.createTempFile(Files.createDirectories(Path.of("target")), "gateway-start", ".log");
        ProcessBuilder command = new ProcessBuilder(javaCommand(), "-cp", mainClassPath(),
                GatewayApplication.class.getName(), "--server.port=0", "--gateway.database.startup-wait=2s",
                "--gateway.batches.dir=target/test-batches/start-up")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().put("SPRING_DATASOURCE_URL", nothingThere.jdbcUrl());
        command.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        Process gateway = command.start();
        try {
            assertThat(gateway.waitFor(90, TimeUnit.SECONDS)).as("exited").isTrue();
        } finally {
            gateway.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String log = String.join("\n", lines);
        System.out.println("[start-up report] " + lines.size() + " lines:\n" + log);

        assertThat(gateway.exitValue()).isEqualTo(1);
        assertThat(log).contains("is not reachable", "waiting up to 2 s", "giving up", "APPLICATION FAILED TO START",
                "gateway.database.startup-wait");
        assertThat(lines.stream().filter(line -> line.startsWith("\tat ")).count()).as("stack frames").isZero();
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
