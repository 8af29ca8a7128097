package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.Reconciliations;
import io.mmg.gateway.support.TestMerchants;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reconciliation API: starting runs, reading them, merchants kept apart, bad input answered in the error format. */
class ReconciliationApiTest extends ReconciliationTestBase {

    @Test
    void a_run_is_answered_202_running_and_completes_in_the_background() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(30);

        HttpResponseView started = reconciliations.start("{\"from\":\"" + day + "T00:00:00Z\",\"to\":\""
                + day.plusDays(1) + "\"}");

        assertThat(started.status()).isEqualTo(202);
        JsonNode run = started.json();
        assertThat(run.path("status").asText()).isEqualTo("RUNNING");
        assertThat(run.path("origin").asText()).isEqualTo("API");
        assertThat(run.path("from").asText()).isEqualTo(day + "T00:00:00Z");
        assertThat(run.path("to").asText()).as("a day as 'to' is its end").isEqualTo(day.plusDays(2) + "T00:00:00Z");
        assertThat(run.path("reportUrl").asText()).isEqualTo("/api/v1/reconciliation-runs/" + run.path("id").asText()
                + "/report.csv");
        assertThat(reconciliations.awaitCompleted(run.path("id").asText()).path("completedAt").isTextual()).isTrue();
    }

    @Test
    void a_run_for_one_provider_checks_only_that_providers_payments() {
        String mtnPayment = collect(Phones.uganda(), "1000").json().path("id").asText();
        collect(Phones.kenya(), "150");
        awaitStatus(mtnPayment, "SUCCESSFUL");

        JsonNode run = reconciliations.awaitCompleted(reconciliations.start(Reconciliations.recentDays()
                .replace("}", ",\"provider\":\"mtn\"}")).json().path("id").asText());

        assertThat(run.path("provider").asText()).isEqualTo("MTN_MOMO");
        assertThat(run.path("counts").path("total").asInt()).isEqualTo(1);
        assertThat(reconciliations.item(run.path("id").asText(), mtnPayment).path("result").asText()).isEqualTo("MATCHED");
    }

    @Test
    void a_merchant_sees_only_its_own_runs_and_its_runs_only_its_own_payments() {
        String otherKey = TestMerchants.newApiKey(clients);
        String ours = collect(Phones.uganda(), "1000").json().path("id").asText();
        http.post("/api/v1/collections", otherKey, "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}");
        awaitStatus(ours, "SUCCESSFUL");

        JsonNode run = reconciliations.reconcileRecent();
        String runId = run.path("id").asText();

        assertThat(run.path("counts").path("total").asInt()).isEqualTo(1);
        assertThat(reconciliations.item(runId, ours).path("result").asText()).isEqualTo("MATCHED");
        for (String path : new String[] {"", "/items", "/report.csv"}) {
            HttpResponseView theirs = http.get("/api/v1/reconciliation-runs/" + runId + path, otherKey);
            assertThat(theirs.status()).isEqualTo(404);
            assertThat(theirs.json().path("code").asText()).isEqualTo("RECONCILIATION_RUN_NOT_FOUND");
        }
        assertThat(http.get("/api/v1/reconciliation-runs", otherKey).json().path("items")).isEmpty();
        assertThat(http.get("/api/v1/reconciliation-runs", apiKey).json().path("items").get(0).path("id").asText())
                .isEqualTo(runId);
    }

    @Test
    void items_can_be_filtered_by_result() {
        String matched = collect(Phones.uganda(), "1000").json().path("id").asText();
        String mismatched = collect(Phones.uganda(), "1000").json().path("id").asText();
        awaitStatus(matched, "SUCCESSFUL");
        awaitStatus(mismatched, "SUCCESSFUL");
        restate("mtn", mismatched, "{\"status\":\"FAILED\"}");
        String runId = reconciliations.reconcileRecent().path("id").asText();

        JsonNode items = http.get("/api/v1/reconciliation-runs/" + runId + "/items?result=mismatched", apiKey).json()
                .path("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("paymentId").asText()).isEqualTo(mismatched);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"from\":\"2026-11-02\",\"to\":\"2026-11-01\"}                  | from",
            "{\"from\":\"2026-01-01\",\"to\":\"2026-03-01\"}                  | to",
            "{\"from\":\"yesterday\",\"to\":\"2026-11-01\"}                   | from",
            "{\"from\":\"2026-11-01\"}                                         | to",
            "{\"from\":20261101,\"to\":\"2026-11-02\"}                        | from",
            "{\"from\":\"2999-01-01\",\"to\":\"2999-01-02\"}                  | from",
            "{\"from\":\"2026-11-01\",\"to\":\"2026-11-02\",\"provider\":\"AIRTEL\"} | provider"})
    void a_bad_period_or_provider_is_a_400_naming_the_field(String body, String field) {
        HttpResponseView refused = reconciliations.start(body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo(field);
    }

    @ParameterizedTest(name = "body {0} is refused")
    @ValueSource(strings = {"", "not json", "[]", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-02\",\"day\":1}"})
    void a_body_that_is_not_a_period_object_is_a_400(String body) {
        HttpResponseView refused = reconciliations.start(body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @ParameterizedTest(name = "GET {0} is a 400")
    @ValueSource(strings = {"?page=-1", "?size=0", "?size=abc"})
    void bad_paging_is_a_400(String query) {
        HttpResponseView refused = http.get("/api/v1/reconciliation-runs" + query, apiKey);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void an_unknown_result_filter_is_a_400() {
        String runId = reconciliations.reconcileRecent().path("id").asText();

        HttpResponseView refused = http.get("/api/v1/reconciliation-runs/" + runId + "/items?result=LOST", apiKey);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("result");
    }

    @ParameterizedTest(name = "run id {0} is not found")
    @ValueSource(strings = {"not-a-uuid", "7f0c1a52-0000-4000-8000-000000000000"})
    void an_unknown_run_is_a_404(String id) {
        HttpResponseView missing = http.get("/api/v1/reconciliation-runs/" + id, apiKey);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("code").asText()).isEqualTo("RECONCILIATION_RUN_NOT_FOUND");
    }

    @Test
    void runs_need_an_api_key() {
        assertThat(http.post("/api/v1/reconciliation-runs", null, Reconciliations.recentDays()).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/reconciliation-runs/" + UUID.randomUUID(), null).status()).isEqualTo(401);
    }
}
