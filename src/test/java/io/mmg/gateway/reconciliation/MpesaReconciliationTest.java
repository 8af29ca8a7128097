package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of M-Pesa payments against the Daraja simulator over HTTP: STK pushes through the STK query,
 * B2C payouts through Transaction Status, whose Result comes later to the run's own URL.
 */
class MpesaReconciliationTest extends ReconciliationTestBase {

    @Test
    void a_successful_stk_push_is_matched_through_the_stk_query() {
        String id = collect(Phones.kenya(), "150").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("MATCHED");
        assertThat(item.path("providerStatus").asText()).isEqualTo("SUCCESSFUL");
        assertThat(item.path("product").asText()).isEqualTo("STK_PUSH");
    }

    @Test
    void an_stk_push_the_customer_cancelled_that_m_pesa_now_reports_successful_is_flagged_and_stays_failed() {
        String id = collect("254700001032", "151").json().path("id").asText();   // the sandbox's "cancelled by user"
        awaitStatus(id, "FAILED");
        restate("mpesa", checkoutRequestId(id), "{\"resultCode\":0}");

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("MISMATCHED");
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(mismatchEvent(id).path("details").path("provider").path("status").asText()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void an_stk_push_whose_checkout_request_id_was_lost_is_unverified() {
        String phone = Phones.kenya();
        mpesa.answerLate("stkpush", phone, true);
        String id = collect(phone, "152").json().path("id").asText();

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("UNVERIFIED");
        assertThat(item.path("note").asText()).isEqualTo("M-Pesa cannot be asked: its id of the transaction never reached us");
        assertThat(status(id)).isEqualTo("UNKNOWN");
    }

    @Test
    void a_b2c_payout_is_matched_when_transaction_status_reports_it_completed() {
        String phone = Phones.kenya();
        String id = disburse(phone, "500");
        awaitStatus(id, "SUCCESSFUL");

        JsonNode run = reconciliations.reconcileRecent();

        JsonNode item = reconciliations.item(run.path("id").asText(), id);
        assertThat(item.path("result").asText()).isEqualTo("MATCHED");
        assertThat(item.path("providerAmount").asText()).isEqualTo("500");
        assertThat(item.path("providerReference").asText()).isEqualTo(mpesa.latestOf(phone).path("receipt").asText());
        assertThat(mpesa.requests("transactionstatus", phone)).isEqualTo(1);
    }

    @Test
    void a_b2c_payout_that_m_pesa_now_reports_failed_is_flagged_and_stays_successful() {
        String phone = Phones.kenya();
        String id = disburse(phone, "501");
        awaitStatus(id, "SUCCESSFUL");
        restate("mpesa", mpesa.latestOf(phone).path("id").asText(), "{\"resultCode\":\"2001\"}");

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("MISMATCHED");
        assertThat(item.path("providerStatus").asText()).isEqualTo("FAILED");
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        assertThat(mismatchEvent(id).path("reason").asText()).isEqualTo("STATUS_MISMATCH");
    }

    @Test
    void an_open_b2c_payout_whose_result_was_lost_is_resolved_by_the_runs_transaction_status_result() {
        String phone = Phones.kenya();
        mpesa.loseCallback("b2c", phone);
        String id = disburse(phone, "502");
        keepThePollerAway(id);

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("RESOLVED");
        assertThat(item.path("statusAfter").asText()).isEqualTo("SUCCESSFUL");
        assertThat(jdbc.queryForObject("SELECT source FROM payment_event WHERE payment_id = ?::uuid AND to_status = "
                + "'SUCCESSFUL'", String.class, id)).isEqualTo("RECONCILIATION");
    }

    @Test
    void a_b2c_payout_whose_transaction_status_result_never_comes_is_unverified_after_the_wait() {
        String phone = Phones.kenya();
        String id = disburse(phone, "503");
        awaitStatus(id, "SUCCESSFUL");
        mpesa.loseCallback("transactionstatus", phone);

        JsonNode item = reconciliations.item(reconciliations.reconcileRecent().path("id").asText(), id);

        assertThat(item.path("result").asText()).isEqualTo("UNVERIFIED");
        assertThat(item.path("note").asText()).startsWith("M-Pesa sent no Transaction Status result within");
    }

    private String disburse(String phone, String amount) {
        return http.post("/api/v1/disbursements", apiKey, "{\"amount\":\"" + amount + "\",\"phoneNumber\":\"" + phone + "\"}")
                .json().path("id").asText();
    }

    private String checkoutRequestId(String paymentId) {
        return jdbc.queryForObject("SELECT provider_reference FROM payment WHERE id = ?::uuid", String.class, paymentId);
    }
}
