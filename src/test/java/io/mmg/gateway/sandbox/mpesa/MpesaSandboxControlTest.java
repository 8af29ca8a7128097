package io.mmg.gateway.sandbox.mpesa;

import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.JSON;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.ordinaryMsisdn;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.pushBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import org.junit.jupiter.api.Test;

/** The shared sandbox control on the Daraja simulator: faults with Daraja's codes, stats, inspection, replay. */
class MpesaSandboxControlTest extends MpesaSandboxIntegrationTest {

    private static final String PUSH = "/mpesa/stkpush/v1/processrequest";

    @Test
    void a_fault_answers_darajas_envelope_with_the_chosen_error_code_for_one_number_only() {
        String phone = ordinaryMsisdn();
        daraja.control("POST", "/faults", """
                {"operation":"stkpush","msisdn":"%s","times":1,"httpStatus":500,"errorCode":"500.003.03"}""".formatted(phone));

        HttpResponseView throttled = daraja.post(PUSH, pushBody(phone, 20, merchant.url("/x")));
        HttpResponseView other = daraja.post(PUSH, pushBody(ordinaryMsisdn(), 20, merchant.url("/y")));

        assertThat(throttled.status()).isEqualTo(500);
        assertThat(throttled.json().get("errorCode").asText()).isEqualTo("500.003.03");
        assertThat(throttled.json().get("errorMessage").asText()).isEqualTo("Quota Violation");
        assertThat(other.status()).isEqualTo(200);
        assertThat(daraja.requests("stkpush", phone)).isEqualTo(1);
    }

    @Test
    void a_customers_transactions_can_be_found_and_their_callback_sent_again_with_changed_fields() throws Exception {
        String phone = ordinaryMsisdn();
        daraja.post(PUSH, pushBody(phone, 21, merchant.url("/stk")));
        merchant.awaitOne("/stk");

        JsonNode listed = daraja.control("GET", "/transactions?msisdn=" + phone, null).json();
        String checkoutRequestId = listed.get(0).get("id").asText();
        HttpResponseView resent = daraja.control("POST", "/transactions/" + checkoutRequestId + "/callback",
                "{\"ResultCode\":1032,\"ResultDesc\":\"Request cancelled by user\"}");

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("kind").asText()).isEqualTo("STK_PUSH");
        assertThat(listed.get(0).get("request").get("CallBackURL").asText()).isEqualTo(merchant.url("/stk"));
        assertThat(resent.json().get("status").asInt()).isEqualTo(200);
        assertThat(merchant.received("/stk")).hasSize(2);
        assertThat(JSON.readTree(merchant.received("/stk").get(1).body()).at("/Body/stkCallback/ResultCode").asInt())
                .isEqualTo(1032);
    }

    @Test
    void a_push_restated_with_another_result_code_is_reported_so_by_the_stk_query_from_then_on() {
        String phone = ordinaryMsisdn();
        String checkoutRequestId = daraja.post(PUSH, pushBody(phone, 22, merchant.url("/restated"))).json()
                .get("CheckoutRequestID").asText();
        merchant.awaitOne("/restated");

        HttpResponseView restated = daraja.control("PATCH", "/transactions/" + checkoutRequestId,
                "{\"resultCode\":1032,\"amount\":\"20\"}");
        HttpResponseView query = daraja.post("/mpesa/stkpushquery/v1/query",
                MpesaSandboxClient.stkQueryBody(checkoutRequestId));

        assertThat(restated.status()).isEqualTo(200);
        assertThat(restated.json().get("amount").asInt()).isEqualTo(20);
        assertThat(restated.json().get("receipt").isNull()).isTrue();
        assertThat(query.json().get("ResultCode").asText()).isEqualTo("1032");
        assertThat(query.json().get("ResultDesc").asText()).isEqualTo("Request cancelled by user");
    }

    @Test
    void a_restatement_the_simulator_cannot_make_is_refused() {
        HttpResponseView unknownField = daraja.control("PATCH", "/transactions/ws_CO_unknown", "{\"status\":\"FAILED\"}");
        HttpResponseView unknownTransaction = daraja.control("PATCH", "/transactions/ws_CO_unknown", "{\"resultCode\":0}");
        HttpResponseView badAmount = daraja.control("PATCH", "/transactions/ws_CO_unknown", "{\"amount\":\"1.5\"}");

        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("code").asText()).isEqualTo("INVALID_SANDBOX_CONTROL");
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(unknownTransaction.status()).isEqualTo(404);
    }

    @Test
    void an_unknown_setting_is_refused_and_changes_nothing() {
        HttpResponseView refused = daraja.control("PUT", "", "{\"settings\":{\"callback-colour\":\"red\"}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(daraja.control("GET", "", null).json().get("settings")).isEmpty();
    }
}
