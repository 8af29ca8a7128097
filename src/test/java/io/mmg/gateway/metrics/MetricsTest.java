package io.mmg.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.Reconciliations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /actuator/prometheus tells what the payments, providers, poller, batches and reconciliation are doing: a collection driven through
 * the MTN simulator moves the business meters with its provider, product, type and status, Camel's route metrics
 * are there, and the gauges read the database.
 */
class MetricsTest extends GatewayApiTest {

    private static final String MTN_COLLECTION = "provider=\"MTN_MOMO\",product=\"COLLECTION\"";

    @Autowired
    private CamelContext camel;

    @Test
    void a_collection_moves_the_payment_and_provider_call_meters_once_each() {
        PrometheusScrape before = scrape();

        HttpResponseView created = collect(Phones.uganda(), "1000");
        assertThat(created.status()).isEqualTo(202);
        awaitStatus(created.json().path("id").asText(), "SUCCESSFUL");

        PrometheusScrape after = scrape();
        String payment = MTN_COLLECTION + ",type=\"COLLECTION\"";
        assertThat(after.delta(before, "gateway_payments_initiated_total", payment)).isEqualTo(1);
        assertThat(after.delta(before, "gateway_payments_finished_total", payment + ",status=\"SUCCESSFUL\""))
                .isEqualTo(1);
        String requestToPay = "operation=\"initiate\",outcome=\"2xx\"," + MTN_COLLECTION;
        assertThat(after.delta(before, "gateway_provider_calls_seconds_count", requestToPay)).isEqualTo(1);
        assertThat(after.value("gateway_provider_calls_seconds_bucket", requestToPay + ",le=\"15.0\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("gateway_provider_token_refreshes_total", MTN_COLLECTION + ",outcome=\"success\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("gateway_provider_circuit_state", MTN_COLLECTION)).isZero();
        assertThat(after.delta(before, "camel_route_policy_seconds_count", "routeId=\"initiate-payment\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_cancelled_collection_is_counted_as_finished_cancelled() {
        // MTN's sandbox number that stays PENDING until told otherwise (docs/sandbox.md)
        String id = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"currency\":\"EUR\",\"phoneNumber\":\"46733123454\"}").json().path("id").asText();
        PrometheusScrape before = scrape();

        assertThat(http.post("/api/v1/payments/" + id + "/cancel", apiKey, null).status()).isEqualTo(200);

        assertThat(scrape().delta(before, "gateway_payments_finished_total",
                MTN_COLLECTION + ",type=\"COLLECTION\",status=\"CANCELLED\"")).isEqualTo(1);
    }

    @Test
    void a_provider_that_answers_503_is_counted_by_outcome_once_per_attempt() {
        PrometheusScrape before = scrape();
        mtn.addFault("{\"operation\":\"disbursement/transfer\",\"times\":-1,\"httpStatus\":503}");
        try {
            HttpResponseView payout = http.post("/api/v1/disbursements", apiKey,
                    "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}");
            assertThat(payout.status()).isEqualTo(503);
        } finally {
            mtn.reset();
        }
        PrometheusScrape after = scrape();
        // The first try and gateway.retry.max-retries (2) retries, each answered 503.
        assertThat(after.delta(before, "gateway_provider_calls_seconds_count",
                "operation=\"initiate\",outcome=\"5xx\",provider=\"MTN_MOMO\",product=\"DISBURSEMENT\"")).isEqualTo(3);
        assertThat(after.delta(before, "gateway_payments_initiated_total",
                "provider=\"MTN_MOMO\",product=\"DISBURSEMENT\",type=\"DISBURSEMENT\"")).isEqualTo(1);
    }

    @Test
    void the_poller_lag_is_the_age_of_the_oldest_payment_due_read_from_the_database() throws Exception {
        // MTN's sandbox test number that stays pending (docs/sandbox.md)
        HttpResponseView pending = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"currency\":\"EUR\",\"phoneNumber\":\"46733123454\"}");
        assertThat(pending.status()).isEqualTo(202);
        String id = pending.json().path("id").asText();
        camel.getRouteController().suspendRoute("payment-status-poller");
        try {
            jdbc.update("UPDATE payment SET next_poll_at = now() - interval '10 minutes' WHERE id = ?::uuid", id);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                PrometheusScrape now = scrape();
                assertThat(now.value("gateway_poller_lag_seconds", "")).isGreaterThanOrEqualTo(600);
                assertThat(now.value("gateway_poller_due", "")).isGreaterThanOrEqualTo(1);
            });
        } finally {
            camel.getRouteController().resumeRoute("payment-status-poller");
        }
        PrometheusScrape claimed = scrape();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scrape().delta(claimed, "gateway_poller_claims_total", "")).isGreaterThanOrEqualTo(1));
    }

    @Test
    void rows_of_a_batch_waiting_for_approval_are_counted_by_state() {
        String csv = "external_id,phone_number,amount\nM-" + System.nanoTime() + "," + Phones.uganda() + ",1000\n"
                + "N-" + System.nanoTime() + ",not-a-number,1000\n";
        HttpResponseView batch = http.send("POST", "/api/v1/disbursement-batches?approval=required", csv,
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv"));
        assertThat(batch.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape now = scrape();
            assertThat(now.value("gateway_batch_rows", "state=\"VALID\"")).isGreaterThanOrEqualTo(1);
            assertThat(now.value("gateway_batch_rows", "state=\"INVALID\"")).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void a_reconciled_payment_is_counted_by_provider_and_result() {
        HttpResponseView created = collect(Phones.uganda(), "1000");
        awaitStatus(created.json().path("id").asText(), "SUCCESSFUL");
        PrometheusScrape before = scrape();

        new Reconciliations(http, apiKey).reconcileRecent();

        assertThat(scrape().delta(before, "gateway_reconciliation_results_total",
                "provider=\"MTN_MOMO\",result=\"MATCHED\"")).isEqualTo(1);
    }

    @Test
    void every_series_the_grafana_dashboard_plots_is_served_once_payments_flow() throws IOException {
        Set<String> plotted = seriesPlottedBy(Path.of("monitoring/grafana/dashboards/gateway.json"));
        assertThat(plotted).contains("gateway_payments_initiated_total", "gateway_provider_calls_seconds_bucket");
        // A merchant whose webhook endpoint refuses connections, a collection, and a reconciliation run: every kind
        // of activity the dashboard plots.
        assertThat(http.put("/api/v1/webhook-endpoint", apiKey, "{\"url\":\"http://127.0.0.1:9/hooks\"}").status())
                .isEqualTo(201);
        try {
            awaitStatus(collect(Phones.uganda(), "1000").json().path("id").asText(), "SUCCESSFUL");
            new Reconciliations(http, apiKey).reconcileRecent();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String served = http.get("/actuator/prometheus", null).body();
                assertThat(plotted).allSatisfy(series ->
                        assertThat(served).as("a series the dashboard plots").containsPattern("(?m)^" + series + "[{ ]"));
            });
        } finally {
            http.send("DELETE", "/api/v1/webhook-endpoint", null, Map.of("Authorization", "Bearer " + apiKey));
        }
    }

    /** The metric names in the dashboard's PromQL expressions (gateway_, camel_, hikaricp_, http_, jvm_ series). */
    private static Set<String> seriesPlottedBy(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:gateway|camel|hikaricp|http|jvm|process)_[a-z_]+)");
        for (JsonNode expr : new ObjectMapper().readTree(dashboard.toFile()).findValues("expr")) {
            Matcher found = metric.matcher(expr.asText());
            while (found.find()) {
                names.add(found.group(1));
            }
        }
        return names;
    }

    private PrometheusScrape scrape() {
        HttpResponseView answer = http.get("/actuator/prometheus", null);
        assertThat(answer.status()).isEqualTo(200);
        return new PrometheusScrape(answer.body());
    }
}
