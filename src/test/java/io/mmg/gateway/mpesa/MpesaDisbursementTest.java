package io.mmg.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M-Pesa disbursements by B2C v3 end to end: gateway, PostgreSQL and the Daraja simulator over HTTP. */
class MpesaDisbursementTest extends GatewayApiTest {

    @Test
    void a_disbursement_to_a_kenyan_number_is_a_b2c_payment_completed_by_its_result_with_the_receipt() {
        String phone = Phones.kenya();

        HttpResponseView created = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"500\",\"phoneNumber\":\"" + phone + "\",\"externalId\":\"payout-9\"}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("product").asText()).isEqualTo("B2C");
        String id = created.json().path("id").asText();
        JsonNode done = awaitStatus(id, "SUCCESSFUL");
        JsonNode payout = mpesa.latestOf(phone);
        assertThat(done.path("financialTransactionId").asText()).isEqualTo(payout.path("receipt").asText());
        assertThat(payout.path("originatorConversationId").asText()).isEqualTo(id);
        assertThat(payout.path("request").path("Occassion").asText()).isEqualTo("payout-9");
        assertThat(payout.path("request").path("Amount").asText()).isEqualTo("500");
        assertThat(providerReference(id)).isEqualTo(payout.path("id").asText()).startsWith("AG_");
    }

    @ParameterizedTest(name = "ResultCode {1} ends the payout FAILED with {2}")
    @CsvSource({
            "254700002040, 2040, PAYEE_NOT_FOUND",
            "254700000001, 1, NOT_ENOUGH_FUNDS",
            "254700002001, 2001, PROVIDER_AUTHENTICATION_FAILED"})
    void a_failed_result_ends_the_payout_failed_with_its_reason(String phone, String resultCode, String reason) {
        String id = disburse(phone, "501").json().path("id").asText();

        JsonNode failed = awaitStatus(id, "FAILED");

        assertThat(failed.path("reason").asText()).isEqualTo(reason);
        assertThat(failed.path("providerReason").asText()).isEqualTo(resultCode);
    }

    @Test
    void a_b2c_request_whose_answer_was_lost_is_sent_again_with_the_same_originator_conversation_id_and_paid_once() {
        String phone = Phones.kenya();
        // Its Result is held too: a payment the Result settled meanwhile would not be sent again at all.
        mpesa.answerLate("b2c", phone, true);

        HttpResponseView created = disburse(phone, "502");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isIn("PENDING", "SUCCESSFUL");
        assertThat(mpesa.requests("b2c", phone)).isEqualTo(2);
        assertThat(mpesa.transactionsOf(phone)).hasSize(1);
        awaitStatus(created.json().path("id").asText(), "SUCCESSFUL");
    }

    @Test
    void a_throttled_b2c_request_is_retried() {
        String phone = Phones.kenya();
        mpesa.fail("b2c", phone, 2, 500, "500.003.02");

        HttpResponseView created = disburse(phone, "503");

        assertThat(created.status()).isEqualTo(202);
        assertThat(mpesa.requests("b2c", phone)).isEqualTo(3);
    }

    @Test
    void a_queue_timeout_makes_the_payout_unknown_until_transaction_status_says_daraja_never_processed_it() {
        String phone = MpesaSandbox.payeeWhoseQueueTimesOut();
        String id = disburse(phone, "504").json().path("id").asText();

        JsonNode failed = awaitStatus(id, "FAILED");

        assertThat(failed.path("reason").asText()).isEqualTo("TRANSACTION_NOT_FOUND");
        assertThat(mpesa.requests("transactionstatus", phone)).isPositive();
        JsonNode events = http.get("/api/v1/payments/" + id + "/events", apiKey).json().path("events");
        assertThat(events.findValuesAsText("toStatus")).containsSubsequence("PENDING", "UNKNOWN", "FAILED");
        assertThat(events.findValuesAsText("source")).containsSubsequence("CALLBACK", "POLLER");
    }

    @Test
    void a_lost_result_is_found_by_a_transaction_status_query_of_the_poller() {
        String phone = Phones.kenya();
        mpesa.loseCallback("b2c", phone);
        String id = disburse(phone, "505").json().path("id").asText();

        JsonNode done = awaitStatus(id, "SUCCESSFUL");

        assertThat(done.path("financialTransactionId").asText()).isEqualTo(mpesa.latestOf(phone).path("receipt").asText());
        assertThat(mpesa.requests("transactionstatus", phone)).isPositive();
    }

    @Test
    void a_result_naming_another_originator_conversation_id_is_rejected_and_kept_for_audit() {
        String phone = Phones.kenya();
        mpesa.loseCallback("b2c", phone);
        String id = disburse(phone, "506").json().path("id").asText();

        HttpResponseView forged = mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(),
                "{\"OriginatorConversationID\":\"someone-else\"}");

        assertThat(forged.status()).isEqualTo(422);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM payment_event WHERE payment_id = ?::uuid AND type = 'CALLBACK_REJECTED'",
                Integer.class, id)).isEqualTo(1);
    }

    private HttpResponseView disburse(String phone, String amount) {
        return http.post("/api/v1/disbursements", apiKey, "{\"amount\":\"" + amount + "\",\"phoneNumber\":\"" + phone + "\"}");
    }

    private String providerReference(String id) {
        return jdbc.queryForObject("SELECT provider_reference FROM payment WHERE id = ?::uuid", String.class, id);
    }
}
