package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.Phones;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reconciliation of MTN payments: the gateway, PostgreSQL and the MTN simulator over HTTP (docs/reconciliation.md). */
class MtnReconciliationTest extends ReconciliationTestBase {

    @Test
    void successful_collections_the_provider_agrees_with_are_counted_as_matched() {
        String first = successfulCollection();
        String second = successfulCollection();

        JsonNode run = reconciliations.reconcileRecent();

        assertThat(run.path("counts").path("total").asInt()).isEqualTo(2);
        assertThat(run.path("counts").path("matched").asInt()).isEqualTo(2);
        JsonNode item = reconciliations.item(run.path("id").asText(), first);
        assertThat(item.path("result").asText()).isEqualTo("MATCHED");
        assertThat(item.path("providerStatus").asText()).isEqualTo("SUCCESSFUL");
        assertThat(item.path("providerAmount").asText()).isEqualTo("1000");
        assertThat(reconciliations.item(run.path("id").asText(), second).path("result").asText()).isEqualTo("MATCHED");
    }

    @Test
    void a_collection_we_count_successful_that_the_provider_now_reports_failed_is_flagged_and_stays_successful() {
        String id = successfulCollection();
        restate("mtn", id, "{\"status\":\"FAILED\",\"reason\":\"NOT_ENOUGH_FUNDS\"}");

        JsonNode run = reconciliations.reconcileRecent();

        JsonNode item = reconciliations.item(run.path("id").asText(), id);
        assertThat(item.path("result").asText()).isEqualTo("MISMATCHED");
        assertThat(item.path("statusBefore").asText()).isEqualTo("SUCCESSFUL");
        assertThat(item.path("statusAfter").asText()).isEqualTo("SUCCESSFUL");
        assertThat(item.path("providerStatus").asText()).isEqualTo("FAILED");
        assertThat(run.path("counts").path("mismatched").asInt()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        JsonNode event = mismatchEvent(id);
        assertThat(event.path("source").asText()).isEqualTo("RECONCILIATION");
        assertThat(event.path("reason").asText()).isEqualTo("STATUS_MISMATCH");
        assertThat(event.path("details").path("ours").path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(event.path("details").path("provider").path("status").asText()).isEqualTo("FAILED");
        assertThat(event.path("details").path("provider").path("reason").asText()).isEqualTo("NOT_ENOUGH_FUNDS");
    }

    @Test
    void a_collection_that_failed_here_but_the_provider_now_reports_successful_is_flagged_and_stays_failed() {
        // 46733123451: the MTN sandbox's payer who rejects the request (EUR, docs/providers.md#mtn-sandbox).
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"currency\":\"EUR\","
                + "\"phoneNumber\":\"46733123451\"}").json().path("id").asText();
        awaitStatus(id, "FAILED");
        restate("mtn", id, "{\"status\":\"SUCCESSFUL\"}");

        JsonNode run = reconciliations.reconcileRecent();

        JsonNode item = reconciliations.item(run.path("id").asText(), id);
        assertThat(item.path("result").asText()).isEqualTo("MISMATCHED");
        assertThat(item.path("providerStatus").asText()).isEqualTo("SUCCESSFUL");
        assertThat(item.path("providerReference").asText()).isNotBlank();
        assertThat(item.path("note").asText()).contains("money moved that we do not count");
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(mismatchEvent(id).path("details").path("provider").path("status").asText()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void the_report_has_a_line_per_payment_checked_with_both_sides() {
        String matched = successfulCollection();
        String mismatched = successfulCollection();
        restate("mtn", mismatched, "{\"status\":\"FAILED\"}");

        JsonNode run = reconciliations.reconcileRecent();

        List<String> report = reconciliations.report(run.path("id").asText());
        assertThat(report.get(0)).isEqualTo("payment_id,type,provider,product,external_id,amount,currency,"
                + "status_before,status_after,provider_status,provider_amount,provider_reference,result,note");
        assertThat(report).hasSize(3);
        assertThat(line(report, matched)).startsWith(matched + ",COLLECTION,MTN_MOMO,COLLECTION,,1000,UGX,"
                + "SUCCESSFUL,SUCCESSFUL,SUCCESSFUL,1000,").contains(",MATCHED,");
        assertThat(line(report, mismatched)).contains(",SUCCESSFUL,SUCCESSFUL,FAILED,1000,")
                .contains(",MISMATCHED,\"We say SUCCESSFUL, the provider says FAILED");
    }

    @Test
    void an_amount_the_provider_states_differently_is_a_mismatch() {
        String id = successfulCollection();
        restate("mtn", id, "{\"amount\":\"900\"}");

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("MISMATCHED");
        assertThat(item.path("providerAmount").asText()).isEqualTo("900");
        assertThat(item.path("note").asText()).isEqualTo("We have 1000 UGX, the provider 900");
        assertThat(mismatchEvent(id).path("reason").asText()).isEqualTo("AMOUNT_MISMATCH");
    }

    @Test
    void an_open_payment_is_resolved_by_the_providers_answer_with_a_reconciliation_event() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String id = collect(phone, "1000").json().path("id").asText();
        keepThePollerAway(id);
        mtn.awaitFinal(id);   // MTN has it SUCCESSFUL; the callback that would tell us never comes

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("RESOLVED");
        assertThat(item.path("statusBefore").asText()).isEqualTo("PENDING");
        assertThat(item.path("statusAfter").asText()).isEqualTo("SUCCESSFUL");
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        assertThat(jdbc.queryForObject("SELECT source FROM payment_event WHERE payment_id = ?::uuid AND to_status = "
                + "'SUCCESSFUL'", String.class, id)).isEqualTo("RECONCILIATION");
    }

    @Test
    void an_old_payment_the_provider_still_reports_pending_expires_by_the_poll_rules() {
        // 46733123454: the MTN sandbox's payer who never answers (PENDING for ever, docs/providers.md#mtn-sandbox).
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"currency\":\"EUR\","
                + "\"phoneNumber\":\"46733123454\"}").json().path("id").asText();
        keepThePollerAway(id);
        jdbc.update("UPDATE payment SET created_at = now() - interval '2 hours' WHERE id = ?::uuid", id);

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("RESOLVED");
        assertThat(item.path("providerStatus").asText()).isEqualTo("PENDING");
        assertThat(item.path("statusAfter").asText()).isEqualTo("EXPIRED");
        assertThat(status(id)).isEqualTo("EXPIRED");
    }

    @Test
    void a_recent_payment_the_provider_still_reports_pending_stays_open_for_the_poller() {
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"currency\":\"EUR\","
                + "\"phoneNumber\":\"46733123454\"}").json().path("id").asText();

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("OPEN");
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void a_payment_the_provider_cannot_be_asked_about_at_any_attempt_is_unverified_with_the_reason() {
        String phone = Phones.uganda();
        String id = collect(phone, "1000").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        mtn.addFault("{\"operation\":\"requesttopay-status\",\"msisdn\":\"" + phone + "\",\"times\":3,"
                + "\"httpStatus\":503}");

        JsonNode run = reconciliations.reconcileRecent();

        JsonNode item = reconciliations.item(run.path("id").asText(), id);
        assertThat(item.path("result").asText()).isEqualTo("UNVERIFIED");
        assertThat(item.path("providerStatus").isNull()).isTrue();
        assertThat(item.path("note").asText()).isEqualTo("The provider could not be asked (SERVICE_UNAVAILABLE)");
        assertThat(run.path("counts").path("unverified").asInt()).isEqualTo(1);
        assertThat(mtn.requests("requesttopay-status", phone)).as("max-attempts").isEqualTo(3);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void a_provider_that_could_not_be_asked_once_is_asked_again_later() {
        String phone = Phones.uganda();
        String id = collect(phone, "1000").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        mtn.addFault("{\"operation\":\"requesttopay-status\",\"msisdn\":\"" + phone + "\",\"times\":1,"
                + "\"httpStatus\":429}");

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("MATCHED");
        assertThat(mtn.requests("requesttopay-status", phone)).isEqualTo(2);
    }

    @Test
    void a_run_left_by_an_instance_that_died_is_finished_once_its_lease_runs_out() {
        String id = successfulCollection();
        UUID runId = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO reconciliation_run (id, client_id, origin, period_from, period_to, status)
                SELECT ?, client_id, 'API', now() - interval '1 day', now(), 'RUNNING' FROM payment WHERE id = ?::uuid""",
                runId, id);
        jdbc.update("""
                INSERT INTO reconciliation_item (run_id, payment_id, attempts, claimed_until)
                VALUES (?, ?::uuid, 1, now() - interval '1 second')""", runId, id);

        JsonNode run = reconciliations.awaitCompleted(runId.toString());

        assertThat(run.path("counts").path("matched").asInt()).isEqualTo(1);
    }

    private String successfulCollection() {
        String id = collect(Phones.uganda(), "1000").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        return id;
    }

    private static String line(List<String> report, String paymentId) {
        return report.stream().filter(line -> line.startsWith(paymentId)).findFirst()
                .orElseThrow(() -> new AssertionError("No report line for " + paymentId + ": " + report));
    }
}
