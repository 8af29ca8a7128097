package io.mmg.gateway.sandbox.mpesa;

import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.JSON;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.ordinaryMsisdn;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.pushBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** M-Pesa Express in the simulator: STK push, its callback and its query (docs/providers.md#daraja-stk-push, #daraja-stk-query, #daraja-stk-callback, #daraja-stk-result-codes). */
class MpesaSandboxExpressTest extends MpesaSandboxIntegrationTest {

    private static final String PUSH = "/mpesa/stkpush/v1/processrequest";
    private static final String QUERY = "/mpesa/stkpushquery/v1/query";

    @Test
    void an_accepted_push_answers_its_ids_and_posts_the_success_callback_with_its_metadata() throws Exception {
        String phone = ordinaryMsisdn();
        HttpResponseView accepted = daraja.post(PUSH, pushBody(phone, 1, merchant.url("/stk")));

        assertThat(accepted.status()).isEqualTo(200);
        JsonNode ack = accepted.json();
        assertThat(ack.get("ResponseCode").asText()).isEqualTo("0");
        assertThat(ack.get("ResponseDescription").asText()).isEqualTo("Success. Request accepted for processing");
        assertThat(ack.get("MerchantRequestID").asText()).matches("\\d+-\\d+-1");
        assertThat(ack.get("CheckoutRequestID").asText()).matches("ws_CO_\\d{17}" + phone);

        JsonNode callback = JSON.readTree(merchant.awaitOne("/stk").body()).path("Body").path("stkCallback");
        assertThat(callback.get("CheckoutRequestID").asText()).isEqualTo(ack.get("CheckoutRequestID").asText());
        assertThat(callback.get("ResultCode").isNumber()).isTrue();
        assertThat(callback.get("ResultCode").asInt()).isZero();
        Map<String, JsonNode> items = new LinkedHashMap<>();
        callback.path("CallbackMetadata").path("Item").forEach(item -> items.put(item.get("Name").asText(), item));
        assertThat(items.get("Amount").get("Value").decimalValue()).isEqualByComparingTo("1");
        assertThat(items.get("MpesaReceiptNumber").get("Value").asText()).matches("[A-Z][A-Z0-9]{9}");
        assertThat(items.get("TransactionDate").get("Value").isNumber()).isTrue();
        assertThat(items.get("TransactionDate").get("Value").asText()).matches("\\d{14}");
        assertThat(items.get("PhoneNumber").get("Value").asLong()).isEqualTo(Long.parseLong(phone));
        assertThat(items.get("Balance").has("Value")).isFalse();
    }

    @Test
    void a_refused_push_calls_back_without_metadata() throws Exception {
        daraja.post(PUSH, pushBody("254700001032", 2, merchant.url("/cancelled")));

        JsonNode callback = JSON.readTree(merchant.awaitOne("/cancelled").body()).path("Body").path("stkCallback");

        assertThat(callback.get("ResultCode").asInt()).isEqualTo(1032);
        assertThat(callback.get("ResultDesc").asText()).isEqualTo("Request cancelled by user");
        assertThat(callback.has("CallbackMetadata")).isFalse();
    }

    @Test
    void the_query_says_being_processed_until_the_customer_answers_and_then_gives_the_result_as_a_string() {
        String unanswered = "254711000" + ordinaryMsisdn().substring(9);
        String open = daraja.post(PUSH, pushBody(unanswered, 3, merchant.url("/open"))).json()
                .get("CheckoutRequestID").asText();
        String phone = ordinaryMsisdn();
        String done = daraja.post(PUSH, pushBody(phone, 3, merchant.url("/done"))).json()
                .get("CheckoutRequestID").asText();
        merchant.awaitOne("/done");

        HttpResponseView pending = daraja.post(QUERY, MpesaSandboxClient.stkQueryBody(open));
        HttpResponseView answered = daraja.post(QUERY, MpesaSandboxClient.stkQueryBody(done));

        assertThat(pending.status()).isEqualTo(500);
        assertThat(pending.json().get("errorCode").asText()).isEqualTo("500.001.1001");
        assertThat(pending.json().get("errorMessage").asText()).isEqualTo("The transaction is being processed");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("ResultCode").isTextual()).isTrue();
        assertThat(answered.json().get("ResultCode").asText()).isEqualTo("0");
        assertThat(answered.json().get("ResponseDescription").asText())
                .isEqualTo("The service request has been accepted successsfully");
    }

    @Test
    void a_wrong_password_and_an_unknown_shortcode_are_refused_as_daraja_does() {
        Map<String, Object> wrongPassword = pushBody(ordinaryMsisdn(), 4, merchant.url("/x"));
        wrongPassword.put("Password", MpesaSandboxClient.password("20200101000000"));
        Map<String, Object> unknownShortCode = pushBody(ordinaryMsisdn(), 4, merchant.url("/x"));
        unknownShortCode.put("BusinessShortCode", 600000);

        HttpResponseView refused = daraja.post(PUSH, wrongPassword);
        HttpResponseView unknown = daraja.post(PUSH, unknownShortCode);

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().get("errorCode").asText()).isEqualTo("500.001.1001");
        assertThat(refused.json().get("errorMessage").asText()).isEqualTo("Wrong credentials");
        assertThat(unknown.json().get("errorMessage").asText()).isEqualTo("Merchant does not exist");
    }

    @Test
    void invalid_fields_are_400_bad_request_naming_the_field() {
        Map<String, Object> badPhone = pushBody(ordinaryMsisdn(), 5, merchant.url("/x"));
        badPhone.put("PhoneNumber", "0712345678");
        Map<String, Object> decimals = pushBody(ordinaryMsisdn(), 5, merchant.url("/x"));
        decimals.put("Amount", "10.50");

        HttpResponseView phone = daraja.post(PUSH, badPhone);
        HttpResponseView amount = daraja.post(PUSH, decimals);
        HttpResponseView notJson = daraja.send("POST", "/sandbox/mpesa" + PUSH, Map.of("Authorization", "Bearer " + daraja.token(),
                "Content-Type", "text/plain"), "BusinessShortCode=174379");
        HttpResponseView malformed = daraja.send("POST", "/sandbox/mpesa" + PUSH, Map.of("Authorization", "Bearer " + daraja.token(),
                "Content-Type", "application/json"), "{\"BusinessShortCode\":");

        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.json().get("errorCode").asText()).isEqualTo("400.002.02");
        assertThat(phone.json().get("errorMessage").asText()).isEqualTo("Bad Request - Invalid PhoneNumber");
        assertThat(amount.json().get("errorMessage").asText()).isEqualTo("Bad Request - Invalid Amount");
        assertThat(notJson.json().get("errorMessage").asText()).isEqualTo("Bad Request - Invalid BusinessShortCode");
        assertThat(malformed.json().get("errorCode").asText()).isEqualTo("400.002.05");
    }

    @Test
    void values_are_not_trimmed_so_a_transaction_type_with_a_trailing_space_is_invalid() {
        Map<String, Object> spaced = pushBody(ordinaryMsisdn(), 5, merchant.url("/x"));
        spaced.put("TransactionType", "CustomerPayBillOnline ");

        HttpResponseView refused = daraja.post(PUSH, spaced);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errorCode").asText()).isEqualTo("400.002.02");
        assertThat(refused.json().get("errorMessage").asText()).isEqualTo("Bad Request - Invalid TransactionType");
    }

    @Test
    void a_second_push_to_a_customer_with_one_open_cannot_lock_the_subscriber() {
        String unanswered = "254711000" + ordinaryMsisdn().substring(9);
        daraja.post(PUSH, pushBody(unanswered, 6, merchant.url("/first")));

        HttpResponseView second = daraja.post(PUSH, pushBody(unanswered, 7, merchant.url("/second")));

        assertThat(second.status()).isEqualTo(500);
        assertThat(second.json().get("errorMessage").asText()).startsWith("Unable to lock subscriber");
    }

    @Test
    void the_same_amount_to_the_same_customer_within_two_minutes_is_rule_17() throws Exception {
        String phone = ordinaryMsisdn();
        daraja.post(PUSH, pushBody(phone, 8, merchant.url("/once")));
        merchant.awaitOne("/once");

        daraja.post(PUSH, pushBody(phone, 8, merchant.url("/twice")));

        assertThat(JSON.readTree(merchant.awaitOne("/twice").body()).at("/Body/stkCallback/ResultCode").asInt())
                .isEqualTo(17);
    }

    @Test
    void a_paybill_push_to_another_party_b_reaches_no_operator() throws Exception {
        Map<String, Object> body = pushBody(ordinaryMsisdn(), 9, merchant.url("/operator"));
        body.put("PartyB", 600000);

        daraja.post(PUSH, body);

        JsonNode callback = JSON.readTree(merchant.awaitOne("/operator").body()).path("Body").path("stkCallback");
        assertThat(callback.get("ResultCode").isTextual()).isTrue();
        assertThat(callback.get("ResultCode").asText()).isEqualTo("SFC_IC0003");
    }
}
