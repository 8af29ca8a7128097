package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.Concurrently;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.Reconciliations;
import io.mmg.gateway.support.TestMerchants;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily job's work for a chosen day (its route, direct:reconcile-day, as the Quartz trigger calls it for the
 * previous UTC day): one run per merchant that had payments that day, and only one however often it fires, on
 * however many instances (each fires it from its own in-memory scheduler).
 */
class DailyReconciliationTest extends ReconciliationTestBase {

    @Autowired
    ProducerTemplate producer;

    @Test
    void every_merchant_with_payments_that_day_gets_its_own_run_of_its_own_payments() {
        LocalDate day = aDayOfNoOtherTest();
        String otherKey = TestMerchants.newApiKey(clients);
        paidOn(day, apiKey);
        paidOn(day, apiKey);
        paidOn(day, otherKey);

        List<?> started = producer.requestBody("direct:reconcile-day", day, List.class);

        assertThat(started).hasSize(2);
        JsonNode ours = onlyRun(apiKey);
        assertThat(ours.path("origin").asText()).isEqualTo("SCHEDULE");
        assertThat(ours.path("from").asText()).isEqualTo(day + "T00:00:00Z");
        assertThat(ours.path("to").asText()).isEqualTo(day.plusDays(1) + "T00:00:00Z");
        assertThat(ours.path("counts").path("total").asInt()).isEqualTo(2);
        assertThat(onlyRun(otherKey).path("counts").path("total").asInt()).isEqualTo(1);
        assertThat(new Reconciliations(http, otherKey).awaitCompleted(onlyRun(otherKey).path("id").asText())
                .path("counts").path("matched").asInt()).isEqualTo(1);
    }

    @Test
    void firing_twice_for_the_same_day_starts_no_second_run() {
        LocalDate day = aDayOfNoOtherTest();
        paidOn(day, apiKey);
        producer.requestBody("direct:reconcile-day", day, List.class);

        List<?> again = producer.requestBody("direct:reconcile-day", day, List.class);

        assertThat(again).isEmpty();
        assertThat(http.get("/api/v1/reconciliation-runs", apiKey).json().path("items")).hasSize(1);
    }

    @Test
    void two_instances_firing_at_the_same_moment_start_one_run_per_merchant() {
        LocalDate day = aDayOfNoOtherTest();
        String otherKey = TestMerchants.newApiKey(clients);
        paidOn(day, apiKey);
        paidOn(day, otherKey);

        // Both firings wait on the table lock with their snapshots taken, then insert at once.
        List<List<?>> started = Concurrently.whileHolding(jdbc, "LOCK TABLE reconciliation_run IN SHARE MODE", 2,
                i -> producer.requestBody("direct:reconcile-day", day, List.class));

        assertThat(started.get(0).size() + started.get(1).size()).isEqualTo(2);
        assertThat(onlyRun(apiKey).path("counts").path("total").asInt()).isEqualTo(1);
        assertThat(onlyRun(otherKey).path("counts").path("total").asInt()).isEqualTo(1);
    }

    @Test
    void a_day_without_payments_starts_no_run() {
        List<?> started = producer.requestBody("direct:reconcile-day", aDayOfNoOtherTest(), List.class);

        assertThat(started).isEmpty();
    }

    /** Payments made now, moved to a past day that the other tests (sharing this database) do not use. */
    private static LocalDate aDayOfNoOtherTest() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20 * 365));
    }

    /** A successful collection of the merchant, moved to that day. */
    private void paidOn(LocalDate day, String key) {
        String id = http.post("/api/v1/collections", key, "{\"amount\":\"1000\",\"phoneNumber\":\""
                + Phones.uganda() + "\"}").json().path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCESSFUL".equals(
                http.get("/api/v1/payments/" + id, key).json().path("status").asText()));
        jdbc.update("UPDATE payment SET created_at = ?::date + interval '12 hours' WHERE id = ?::uuid",
                day.toString(), id);
    }

    private JsonNode onlyRun(String key) {
        JsonNode runs = http.get("/api/v1/reconciliation-runs", key).json().path("items");
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }
}
