package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.mmg.gateway.GatewayApplication;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.TestContextIsolation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * gateway.mtn.status-queries-per-second holds for all instances on one database together, as counted by the
 * provider (docs/provider-limits.md): a second gateway runs on this test's database and asks the same MTN
 * simulator, and both ask about payments the simulator keeps pending. The pollers stay out of it (first poll after
 * an hour), so every status query the simulator counts is a refresh sent by the test.
 */
@TestPropertySource(properties = {"gateway.mtn.status-queries-per-second=" + StatusQueryRateAcrossInstancesTest.RATE,
        "gateway.poller.first-delay=1h"})
class StatusQueryRateAcrossInstancesTest extends GatewayApiTest {

    static final int RATE = 10;
    /** MTN sandbox number whose payments stay PENDING (docs/providers.md#mtn-sandbox). */
    private static final String STAYS_PENDING = "46733123454";
    private static final int CLIENTS_PER_INSTANCE = 3;
    private static final int REFRESHES_PER_CLIENT = 7;

    private static ConfigurableApplicationContext secondInstance;

    @Autowired
    HikariDataSource dataSource;

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void two_instances_together_send_no_more_status_queries_than_the_limit() throws Exception {
        List<GatewayHttp> instances = List.of(http, new GatewayHttp(startSecondInstance()));
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < CLIENTS_PER_INSTANCE; i++) {
            payments.add(http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"phoneNumber\":\"" + STAYS_PENDING + "\"}")
                    .json().path("id").asText());
        }
        mtn.resetStats();
        ExecutorService clients = Executors.newFixedThreadPool(instances.size() * CLIENTS_PER_INSTANCE);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> refreshing = new ArrayList<>();
            for (GatewayHttp instance : instances) {
                for (String payment : payments) {
                    refreshing.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < REFRESHES_PER_CLIENT; i++) {
                            assertThat(instance.get("/api/v1/payments/" + payment + "?refresh=true", apiKey).status())
                                    .isEqualTo(200);
                        }
                    }, clients));
                }
            }
            CompletableFuture.allOf(refreshing.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            double window = (System.nanoTime() - start) / 1e9;

            int asked = mtn.requests("collection/requesttopay-status", null);
            assertThat(asked).isEqualTo(instances.size() * CLIENTS_PER_INSTANCE * REFRESHES_PER_CLIENT);
            // rate x window, + 1 for the permit free at once, + 1 for the clocks' rounding.
            assertThat((double) asked).isLessThanOrEqualTo(RATE * window + 2);
        } finally {
            clients.shutdownNow();
        }
    }

    /** The same gateway on this test's database, asking this test's MTN simulator; returns its port. */
    private int startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test")
                // As arguments: they outrank the environment (SPRING_DATASOURCE_URL) as they would on a command line.
                .run("--server.port=0",
                        "--" + TestContextIsolation.SHARED_DATABASE + "=true",
                        "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                        "--gateway.mtn.base-url=" + http.baseUrl() + "/sandbox/mtn",
                        "--gateway.mtn.status-queries-per-second=" + RATE,
                        "--gateway.poller.first-delay=1h");
        return ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
    }
}
