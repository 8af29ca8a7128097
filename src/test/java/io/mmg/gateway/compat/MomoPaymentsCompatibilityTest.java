package io.mmg.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MoMo payments API over routes/compat-momo-payments.yaml: its two endpoints, with the API's request body (fresh
 * Cameroonian numbers), answered in the API's snake_case with its status words.
 */
class MomoPaymentsCompatibilityTest extends GatewayApiTest {

    private HttpResponseView request(String phone) {
        return http.post("/api/payments/request", apiKey, "{\"amount\": \"1000\", \"phone_number\": \"" + phone
                + "\", \"payer_message\": \"Payment for PDF\", \"payee_note\": \"PDF purchase\"}");
    }

    private HttpResponseView status(String referenceId, String key) {
        return http.get("/api/payments/status/" + referenceId, key);
    }

    @Test
    void a_payment_request_is_an_mtn_collection_answered_with_its_reference_id() {
        String phone = Phones.cameroon();

        HttpResponseView requested = request(phone);

        assertThat(requested.status()).isEqualTo(200);
        JsonNode body = requested.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("status").asText()).isEqualTo("pending");
        assertThat(body.path("amount").asText()).isEqualTo("1000");
        assertThat(body.path("currency").asText()).isEqualTo("XAF");
        String referenceId = body.path("reference_id").asText();
        JsonNode atMtn = mtn.transaction(referenceId);
        assertThat(atMtn.path("product").asText()).isEqualTo("collection");
        JsonNode payment = http.get("/api/v1/payments/" + referenceId, apiKey).json();
        assertThat(payment.path("phoneNumber").asText()).isEqualTo(phone);
        assertThat(payment.path("payerMessage").asText()).isEqualTo("Payment for PDF");
        assertThat(payment.path("payeeNote").asText()).isEqualTo("PDF purchase");
    }

    @Test
    void the_status_is_successful_with_mtns_transaction_id_once_the_customer_paid() {
        String referenceId = request(Phones.cameroon()).json().path("reference_id").asText();
        JsonNode paid = awaitStatus(referenceId, "SUCCESSFUL");

        HttpResponseView status = status(referenceId, apiKey);

        assertThat(status.status()).isEqualTo(200);
        JsonNode body = status.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("reference_id").asText()).isEqualTo(referenceId);
        assertThat(body.path("status").asText()).isEqualTo("successful");
        assertThat(body.path("financial_transaction_id").asText()).isEqualTo(paid.path("financialTransactionId").asText());
        assertThat(body.path("reason").isNull()).isTrue();
    }

    @Test
    void the_status_asks_mtn_now_as_the_api_did() {
        String phone = Phones.cameroon();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String referenceId = request(phone).json().path("reference_id").asText();
        int queriesBefore = mtn.requests("requesttopay-status", phone);

        status(referenceId, apiKey);

        assertThat(mtn.requests("requesttopay-status", phone)).isGreaterThan(queriesBefore);
    }

    @Test
    void a_payment_the_customer_rejected_is_failed_with_its_reason() {
        String referenceId = http.post("/api/payments/request", apiKey,
                "{\"amount\": \"5\", \"phone_number\": \"46733123451\"}").json().path("reference_id").asText();
        JsonNode failed = awaitStatus(referenceId, "FAILED");

        JsonNode body = status(referenceId, apiKey).json();

        assertThat(body.path("status").asText()).isEqualTo("failed");
        assertThat(body.path("reason").asText()).isEqualTo(failed.path("reason").asText()).isNotBlank();
    }

    @Test
    void a_malformed_phone_number_is_refused_in_the_error_format_naming_the_apis_field() {
        HttpResponseView refused = request("2376");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_PHONE");
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("phone_number");
    }

    @Test
    void the_momo_payments_api_pays_over_mtn_only() {
        HttpResponseView refused = request(Phones.kenya());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("UNSUPPORTED_PROVIDER");
    }

    @Test
    void the_status_of_an_unknown_or_another_merchants_payment_is_not_found() {
        String referenceId = request(Phones.cameroon()).json().path("reference_id").asText();
        String otherMerchant = TestMerchants.newApiKey(clients);

        assertThat(status(referenceId, otherMerchant).status()).isEqualTo(404);
        assertThat(status(UUID.randomUUID().toString(), apiKey).json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void the_endpoints_need_the_merchants_api_key() {
        assertThat(request(Phones.cameroon()).status()).isEqualTo(200);
        assertThat(http.post("/api/payments/request", null, "{\"amount\": \"1000\", \"phone_number\": \""
                + Phones.cameroon() + "\"}").json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }
}
