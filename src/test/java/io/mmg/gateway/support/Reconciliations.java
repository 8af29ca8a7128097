package io.mmg.gateway.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Reconciliation runs of one merchant through the API (docs/reconciliation.md), as a merchant would use it. */
public class Reconciliations {

    private final GatewayHttp http;
    private final String apiKey;

    public Reconciliations(GatewayHttp http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
    }

    public HttpResponseView start(String body) {
        return http.post("/api/v1/reconciliation-runs", apiKey, body);
    }

    /** Yesterday and today (UTC): every payment of a merchant made for the test, whatever the time of day. */
    public static String recentDays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "{\"from\":\"" + today.minusDays(1) + "\",\"to\":\"" + today + "\"}";
    }

    /** Reconciles the merchant's recent payments and waits for the run to complete. */
    public JsonNode reconcileRecent() {
        HttpResponseView started = start(recentDays());
        if (started.status() != 202) {
            throw new AssertionError("Run not started: " + started);
        }
        return awaitCompleted(started.json().path("id").asText());
    }

    public JsonNode awaitCompleted(String runId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> run(runId), run -> "COMPLETED".equals(run.path("status").asText()));
    }

    public JsonNode run(String runId) {
        return http.get("/api/v1/reconciliation-runs/" + runId, apiKey).json();
    }

    /** What the run found about one payment. */
    public JsonNode item(String runId, String paymentId) {
        for (JsonNode item : http.get("/api/v1/reconciliation-runs/" + runId + "/items", apiKey).json().path("items")) {
            if (item.path("paymentId").asText().equals(paymentId)) {
                return item;
            }
        }
        throw new AssertionError("Run " + runId + " has no item for payment " + paymentId);
    }

    /** The report's lines, header first. */
    public List<String> report(String runId) {
        HttpResponseView report = http.send("GET", "/api/v1/reconciliation-runs/" + runId + "/report.csv", null,
                Map.of("Authorization", "Bearer " + apiKey));
        if (report.status() != 200) {
            throw new AssertionError("No report: " + report);
        }
        return report.body().lines().toList();
    }
}
