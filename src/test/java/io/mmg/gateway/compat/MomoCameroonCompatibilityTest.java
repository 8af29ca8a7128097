package io.mmg.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;

/**
 * The MTN MoMo Cameroon API over routes/compat-momo-cameroon.yaml: payment, status and callback, with the
 * API's own request body (fresh numbers), answered in the API's shape.
 */
class MomoCameroonCompatibilityTest extends GatewayApiTest {

    private HttpResponseView pay(String phone, String currency) {
        return http.post("/api/payments/mtn-momo", apiKey, "{\"amount\": \"1000\", \"currency\": \"" + currency + "\", "
                + "\"external_id\": \"booking_123\", \"payer_message\": \"Payment for Habitere booking\", "
                + "\"payee_note\": \"Habitere payment\", \"phone\": \"" + phone + "\"}");
    }

    private HttpResponseView callback(String body) {
        return http.post("/api/payments/mtn-momo/callback", null, body);
    }

    private static String mtnSuccessBody(String referenceId) {
        return "{\"referenceId\": \"" + referenceId + "\", \"financialTransactionId\": \"forged-1\", "
                + "\"externalId\": \"booking_123\", \"amount\": \"1000\", \"currency\": \"EUR\", "
                + "\"payer\": {\"partyIdType\": \"MSISDN\", \"partyId\": \"46733123454\"}, \"status\": \"SUCCESSFUL\"}";
    }

    @Test
    void a_payment_with_the_apis_sandbox_euros_is_an_mtn_collection_in_the_numbers_currency() {
        String phone = Phones.cameroon();

        HttpResponseView paid = pay(phone, "EUR");

        assertThat(paid.status()).isEqualTo(200);
        JsonNode body = paid.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("payment_id").asText()).isEqualTo(body.path("reference_id").asText());
        assertThat(body.path("status").asText()).isEqualTo("pending");
        assertThat(body.path("message").asText()).isEqualTo("Payment request sent to customer's mobile phone");
        String referenceId = body.path("reference_id").asText();
        JsonNode payment = http.get("/api/v1/payments/" + referenceId, apiKey).json();
        assertThat(payment.path("currency").asText()).isEqualTo("XAF");
        assertThat(payment.path("externalId").asText()).isEqualTo("booking_123");
        assertThat(payment.path("phoneNumber").asText()).isEqualTo(phone);
        // MTN's sandbox only takes EUR: the gateway sends it EUR itself.
        assertThat(mtn.transaction(referenceId).path("statusBody").path("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void the_numbers_own_currency_is_taken_and_any_other_refused() {
        assertThat(pay(Phones.cameroon(), "XAF").status()).isEqualTo(200);

        HttpResponseView refused = pay(Phones.cameroon(), "USD");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_CURRENCY");
    }

    @Test
    void the_status_is_successful_with_amount_currency_and_mtns_transaction_id() {
        String referenceId = pay(Phones.cameroon(), "EUR").json().path("reference_id").asText();
        JsonNode paid = awaitStatus(referenceId, "SUCCESSFUL");

        HttpResponseView status = http.get("/api/payments/mtn-momo/status/" + referenceId, apiKey);

        assertThat(status.status()).isEqualTo(200);
        JsonNode body = status.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("reference_id").asText()).isEqualTo(referenceId);
        assertThat(body.path("status").asText()).isEqualTo("successful");
        assertThat(body.path("amount").asText()).isEqualTo("1000");
        assertThat(body.path("currency").asText()).isEqualTo("XAF");
        assertThat(body.path("financial_transaction_id").asText()).isEqualTo(paid.path("financialTransactionId").asText());
        assertThat(body.has("reason")).isTrue();
        assertThat(body.path("reason").isNull()).isTrue();
    }

    @Test
    void a_sandbox_test_number_is_paid_in_euros() {
        HttpResponseView paid = pay("46733123999", "EUR");

        assertThat(paid.status()).isEqualTo(200);
        String referenceId = paid.json().path("reference_id").asText();
        assertThat(http.get("/api/v1/payments/" + referenceId, apiKey).json().path("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void a_forged_callback_to_the_fixed_url_changes_nothing_by_itself() {
        // "Delayed": MTN keeps it PENDING and sends no callback of its own.
        String referenceId = pay("46733123454", "EUR").json().path("reference_id").asText();
        int queriesBefore = mtn.requests("requesttopay-status", "46733123454");

        HttpResponseView answered = callback(mtnSuccessBody(referenceId));

        assertThat(answered.status()).isEqualTo(200);
        JsonNode payment = http.get("/api/v1/payments/" + referenceId, apiKey).json();
        assertThat(payment.path("status").asText()).isEqualTo("PENDING");
        assertThat(payment.path("financialTransactionId").isNull()).isTrue();
        assertThat(mtn.requests("requesttopay-status", "46733123454")).isGreaterThan(queriesBefore);
    }

    @Test
    void a_callback_to_the_fixed_url_makes_the_gateway_ask_mtn_at_once() {
        String phone = Phones.cameroon();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String referenceId = pay(phone, "EUR").json().path("reference_id").asText();
        await().until(() -> mtn.transaction(referenceId).path("statusBody").path("status").asText(), "SUCCESSFUL"::equals);

        callback("{\"referenceId\": \"" + referenceId + "\", \"status\": \"SUCCESSFUL\"}");

        assertThat(status(referenceId)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void a_callback_naming_no_open_payment_is_acknowledged_and_ignored() {
        String referenceId = pay(Phones.cameroon(), "EUR").json().path("reference_id").asText();
        awaitStatus(referenceId, "SUCCESSFUL");

        assertThat(callback("{\"status\": \"FAILED\", \"reason\": \"APPROVAL_REJECTED\"}").status()).isEqualTo(200);
        assertThat(callback("{\"referenceId\": \"" + referenceId + "\", \"status\": \"FAILED\"}").status()).isEqualTo(200);
        assertThat(status(referenceId)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void a_callback_that_is_not_json_is_refused() {
        HttpResponseView refused = callback("status=SUCCESSFUL");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
    }
}
