package io.mmg.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Daraja signs nothing (docs/providers.md#daraja-stk-callback): an STK callback is trusted only with its payment's own secret,
 * only about that payment, and only once.
 */
class MpesaCallbackSecurityTest extends GatewayApiTest {

    @Test
    void a_duplicate_stk_callback_changes_nothing_and_is_acknowledged_as_daraja_expects() {
        String phone = Phones.kenya();
        String id = collect(phone, "400").json().path("id").asText();
        JsonNode done = awaitStatus(id, "SUCCESSFUL");
        int events = eventCount(id);

        HttpResponseView again = mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(), "{}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("ResultCode").asInt()).isZero();
        assertThat(http.get("/api/v1/payments/" + id, apiKey).json().path("updatedAt").asText())
                .isEqualTo(done.path("updatedAt").asText());
        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void a_late_failure_callback_cannot_undo_a_successful_payment() {
        String phone = Phones.kenya();
        String id = collect(phone, "401").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        HttpResponseView late = mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(),
                "{\"ResultCode\":1032,\"ResultDesc\":\"Request cancelled by user\"}");

        assertThat(late.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void an_stk_callback_with_a_wrong_secret_is_rejected() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String id = collect(phone, "402").json().path("id").asText();

        HttpResponseView forged = http.send("POST", "/callbacks/mpesa/" + id + "/stk?token=guessed",
                successBody(mpesa.latestOf(phone).path("id").asText(), "402"), Map.of("Content-Type", "application/json"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("code").asText()).isEqualTo("CALLBACK_REJECTED");
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void an_authenticated_stk_callback_about_another_amount_or_push_is_rejected_and_kept_for_audit() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String id = collect(phone, "403").json().path("id").asText();
        JsonNode push = mpesa.latestOf(phone);
        String callbackUrl = push.path("callbackUrl").asText();

        HttpResponseView otherAmount = http.send("POST", callbackUrl, successBody(push.path("id").asText(), "40300"),
                Map.of("Content-Type", "application/json"));
        HttpResponseView otherPush = http.send("POST", callbackUrl, successBody("ws_CO_0101202400000000254700000000", "403"),
                Map.of("Content-Type", "application/json"));

        assertThat(otherAmount.status()).isEqualTo(422);
        assertThat(otherPush.status()).isEqualTo(422);
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM payment_event WHERE payment_id = ?::uuid AND type = 'CALLBACK_REJECTED'",
                Integer.class, id)).isEqualTo(2);
    }

    @Test
    void a_body_that_is_not_an_stk_callback_is_refused_without_changing_anything() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String id = collect(phone, "404").json().path("id").asText();
        String callbackUrl = mpesa.latestOf(phone).path("callbackUrl").asText();

        HttpResponseView wrongShape = http.send("POST", callbackUrl, "{\"status\":\"SUCCESSFUL\"}",
                Map.of("Content-Type", "application/json"));

        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void the_callback_urls_given_to_daraja_do_not_contain_a_word_safaricom_refuses() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        collect(phone, "405");

        String callbackUrl = mpesa.latestOf(phone).path("callbackUrl").asText();

        assertThat(callbackUrl).contains("/callbacks/daraja/");
        assertThat(callbackUrl.toLowerCase()).doesNotContain("mpesa", "m-pesa", "safaricom", "exe", "cmd", "sql", "query");
    }

    @Test
    void a_callback_at_the_former_mpesa_path_still_settles_a_payment_sent_before_the_change() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String id = collect(phone, "406").json().path("id").asText();
        JsonNode push = mpesa.latestOf(phone);
        String formerUrl = push.path("callbackUrl").asText().replace("/callbacks/daraja/", "/callbacks/mpesa/");

        HttpResponseView answer = http.send("POST", formerUrl, successBody(push.path("id").asText(), "406"),
                Map.of("Content-Type", "application/json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
    }

    private static String successBody(String checkoutRequestId, String amount) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s",
                 "ResultCode":0,"ResultDesc":"The service request is processed successfully.",
                 "CallbackMetadata":{"Item":[{"Name":"Amount","Value":%s},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},
                 {"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]}}}}"""
                .formatted(checkoutRequestId, amount);
    }


    private int eventCount(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM payment_event WHERE payment_id = ?::uuid", Integer.class, id);
    }
}
