package io.mmg.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.database.CollectionLoad.Answer;
import io.mmg.gateway.security.ClientDirectory;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.MtnSandbox;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped, killed and locked under a steady load of collections (docs/reliability.md "PostgreSQL
 * outages"): clients get 202 or an honest 503 SERVICE_UNAVAILABLE within the documented bounds, never a 500;
 * readiness follows the database; after it returns nothing is lost or doubled. The gateway runs on a PostgreSQL
 * of this test's own, with the production bounds (connection 3 s, statement 5 s, lock 2 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.database.statement-timeout=5s", "gateway.database.lock-timeout=2s",
                // The web server's own timeout, far below a slow provider: it must never answer for a running route.
                "spring.mvc.async.request-timeout=1s", "gateway.mtn.response-timeout-ms=5000"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest {

    private static final OutagePostgres DATABASE = OutagePostgres.start();
    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    ClientDirectory clients;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DatabaseSettings bounds;

    private GatewayHttp http;
    private String apiKey;

    @BeforeEach
    void merchantOnAWorkingDatabase() {
        http = new GatewayHttp(port);
        awaitReadiness(200);
        apiKey = TestMerchants.newApiKey(clients);
    }

    @AfterEach
    void databaseBack() {
        awaitReadiness(200);
    }

    @Test
    void a_stopped_database_is_answered_503_with_retry_after_or_202_and_never_500() {
        List<Answer> answers = underLoad("stop", DATABASE::stop);

        assertHonest(answers, bounds.connectionTimeout());
        assertThat(answers).anyMatch(a -> a.status() == 503);
    }

    @Test
    void readiness_goes_down_while_the_database_is_stopped_and_up_when_it_returns_while_liveness_stays_up() {
        long stoppedAt = System.nanoTime();
        DATABASE.stop();
        try {
            awaitReadiness(503);
            long downAfter = millisSince(stoppedAt);
            HttpResponseView health = timed(() -> http.get("/actuator/health", null));
            assertThat(health.status()).isEqualTo(503);
            assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            System.out.printf("[outage figures] readiness DOWN %d ms after the stop%n", downAfter);
            assertThat(downAfter).isLessThan(3 * 5_000L);
        } finally {
            long startedAt = System.nanoTime();
            DATABASE.startAgain();
            awaitReadiness(200);
            System.out.printf("[outage figures] readiness UP %d ms after the restart began%n", millisSince(startedAt));
        }
    }

    @Test
    void a_killed_database_is_answered_honestly_and_no_payment_is_lost_or_doubled_when_clients_retry() {
        List<Answer> answers = underLoad("kill -9", DATABASE::kill);

        assertHonest(answers, bounds.connectionTimeout());
        assertNothingLostOrDoubled(answers);
    }

    @Test
    void a_held_lock_on_payments_is_answered_503_within_the_lock_timeout() throws SQLException {
        List<Answer> answers;
        try (CollectionLoad load = CollectionLoad.start(http, apiKey, CLIENTS);
             Connection holder = DriverManager.getConnection(DATABASE.jdbcUrl(), "postgres", "")) {
            awaitAccepted(load, 0);
            holder.setAutoCommit(false);
            long lockedAt = load.now();
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE payment IN ACCESS EXCLUSIVE MODE");
            }
            pause(OUTAGE);
            holder.rollback();
            long releasedAt = load.now();
            awaitAccepted(load, releasedAt);
            answers = load.stop();
            report("held lock", answers, lockedAt, releasedAt);
        }

        assertHonest(answers, bounds.lockTimeout());
        assertThat(answers).anyMatch(a -> a.status() == 503 && !a.paymentStored());
    }

    @Test
    void a_request_running_longer_than_the_web_servers_own_timeout_is_answered_once_by_its_route() {
        String phone = Phones.uganda();
        new MtnSandbox(http).addFault(
                "{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"delayMs\":2500}");

        long start = System.nanoTime();
        HttpResponseView answer = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone + "\"}");
        System.out.println("[outage figures] slow provider answered in " + millisSince(start) + " ms: " + answer);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
    }

    /** Runs the load, breaks the database after a steady start, brings it back, and waits for a new 202. */
    private List<Answer> underLoad(String scenario, Runnable breakDatabase) {
        try (CollectionLoad load = CollectionLoad.start(http, apiKey, CLIENTS)) {
            awaitAccepted(load, 0);
            pause(Duration.ofSeconds(1));
            long brokenAt = load.now();
            breakDatabase.run();
            pause(OUTAGE);
            DATABASE.startAgain();
            long backAt = load.now();
            awaitAccepted(load, backAt);
            long firstAccepted = load.now();
            List<Answer> answers = load.stop();
            report(scenario, answers, brokenAt, backAt);
            System.out.printf("[outage figures] %s: first 202 within %d ms of the database being back%n", scenario,
                    firstAccepted - backAt);
            return answers;
        }
    }

    /** 202, or 503 SERVICE_UNAVAILABLE with Retry-After; never a 500 or a hang past 3x the documented bound. */
    private static void assertHonest(List<Answer> answers, Duration documentedBound) {
        assertThat(answers).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(202, 503);
            if (answer.status() == 503) {
                assertThat(answer.code()).as(answer.toString()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(answer.retryAfter()).as(answer.toString()).isNotBlank();
                assertThat(answer.paymentStored()).as(answer.toString()).isEqualTo(answer.paymentId() != null);
            }
            assertThat(answer.millis()).as(answer.toString()).isLessThan(3 * documentedBound.toMillis());
        });
    }

    /**
     * Every key answered 202 (or 503 "stored") has its payment; every key is then retried as its client would
     * (same key, same body), and afterwards every key has exactly one payment: none lost, none doubled.
     */
    private void assertNothingLostOrDoubled(List<Answer> answers) {
        for (Answer answer : answers) {
            if (answer.paymentId() != null) {
                assertThat(paymentIdsOfKey(answer.key())).as(answer.toString()).containsExactly(answer.paymentId());
            }
            HttpResponseView retry = CollectionLoad.send(http, apiKey, answer.key(), answer.phone());
            // 409 IN_PROGRESS: a stored payment whose outcome could not be recorded holds its key.
            boolean accepted = retry.status() == 202
                    || retry.status() == 409 && retry.json().path("code").asText().equals("IDEMPOTENCY_REQUEST_IN_PROGRESS")
                            && answer.paymentStored();
            assertThat(accepted).as(answer + " retried: " + retry).isTrue();
            if (retry.status() == 409) {
                assertKeyResolvesOnceItsLeaseIsOver(answer);
            }
        }
        for (Answer answer : answers) {
            assertThat(paymentIdsOfKey(answer.key())).as(answer.toString()).hasSize(1);
        }
    }

    /**
     * A key held "in progress" by a request whose answer could not be recorded is never stuck: once its request can
     * no longer be in flight (the lease, InitiationBudget) a replay answers 202 with that payment. The payment is
     * aged in the database instead of waiting out the lease.
     */
    private void assertKeyResolvesOnceItsLeaseIsOver(Answer answer) {
        jdbc.update("UPDATE payment SET created_at = created_at - interval '1 day' WHERE idempotency_key = ?", answer.key());
        HttpResponseView replay = CollectionLoad.send(http, apiKey, answer.key(), answer.phone());
        assertThat(replay.status()).as(answer + " replayed after its lease: " + replay).isEqualTo(202);
        assertThat(replay.json().path("id").asText()).isEqualTo(answer.paymentId());
    }

    private List<String> paymentIdsOfKey(String key) {
        return jdbc.queryForList("SELECT id::text FROM payment WHERE idempotency_key = ?", String.class, key);
    }

    private static void report(String scenario, List<Answer> answers, long brokenAt, long backAt) {
        List<Answer> during = answers.stream()
                .filter(a -> a.sentAtMillis() + a.millis() >= brokenAt && a.sentAtMillis() <= backAt).toList();
        Map<String, Long> byAnswer = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() + (a.status() == 503 ? (a.paymentStored() ? " stored" : " not stored") : ""),
                Collectors.counting()));
        List<Long> millis = during.stream().map(Answer::millis).sorted().toList();
        System.out.printf("[outage figures] %s (from %d to %d ms): %d requests, %s; during the outage %d answers, "
                        + "median %d ms, max %d ms%n", scenario, brokenAt, backAt, answers.size(), byAnswer, during.size(),
                millis.isEmpty() ? 0 : millis.get(millis.size() / 2), millis.isEmpty() ? 0 : millis.get(millis.size() - 1));
    }

    private void awaitReadiness(int status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/actuator/health/readiness", null).status() == status);
    }

    private static void awaitAccepted(CollectionLoad load, long sinceMillis) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> load.acceptedSince(sinceMillis));
    }

    private static HttpResponseView timed(Supplier<HttpResponseView> call) {
        long start = System.nanoTime();
        HttpResponseView response = call.get();
        System.out.printf("[outage figures] /actuator/health answered %d in %d ms with the database stopped%n",
                response.status(), millisSince(start));
        return response;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
