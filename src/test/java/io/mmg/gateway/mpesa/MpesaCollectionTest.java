package io.mmg.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** M-Pesa collections by STK push end to end: gateway, PostgreSQL and the Daraja simulator over HTTP. */
class MpesaCollectionTest extends GatewayApiTest {

    private static final String TEST_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

    @Test
    void a_collection_from_a_kenyan_number_is_an_stk_push_completed_by_its_callback_with_the_receipt() {
        String phone = Phones.kenya();

        HttpResponseView created = collect(phone, "150");

        assertThat(created.status()).isEqualTo(202);
        JsonNode payment = created.json();
        assertThat(payment.path("provider").asText()).isEqualTo("MPESA");
        assertThat(payment.path("product").asText()).isEqualTo("STK_PUSH");
        assertThat(payment.path("currency").asText()).isEqualTo("KES");
        String id = payment.path("id").asText();

        JsonNode done = awaitStatus(id, "SUCCESSFUL");
        JsonNode push = mpesa.latestOf(phone);
        assertThat(done.path("financialTransactionId").asText()).isEqualTo(push.path("receipt").asText())
                .matches("[A-Z][A-Z0-9]{9}");
        assertThat(providerReference(id)).isEqualTo(push.path("id").asText()).startsWith("ws_CO_");
        assertThat(lastEventSource(id)).isEqualTo("CALLBACK");
    }

    @Test
    void the_stk_push_carries_the_password_timestamp_and_callback_url_daraja_requires() {
        String phone = Phones.kenya();
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"151\",\"phoneNumber\":\"" + phone
                + "\",\"externalId\":\"invoice-2024-000042\",\"payerMessage\":\"School fees for term two\"}")
                .json().path("id").asText();

        JsonNode request = mpesa.latestOf(phone).path("request");

        String timestamp = request.path("Timestamp").asText();
        assertThat(timestamp).matches("\\d{14}");
        assertThat(new String(Base64.getDecoder().decode(request.path("Password").asText()), StandardCharsets.UTF_8))
                .isEqualTo("174379" + TEST_PASSKEY + timestamp);
        assertThat(request.path("BusinessShortCode").asLong()).isEqualTo(174379);
        assertThat(request.path("TransactionType").asText()).isEqualTo("CustomerPayBillOnline");
        assertThat(request.path("Amount").asInt()).isEqualTo(151);
        assertThat(request.path("PartyA").asText()).isEqualTo(phone);
        assertThat(request.path("PhoneNumber").asText()).isEqualTo(phone);
        assertThat(request.path("CallBackURL").asText()).contains("/callbacks/daraja/" + id + "/stk?token=");
        assertThat(request.path("AccountReference").asText()).isEqualTo("invoice-2024");
        assertThat(request.path("TransactionDesc").asText()).isEqualTo("School fees f");
    }

    @ParameterizedTest(name = "ResultCode {1} ends the payment FAILED with {2}")
    @CsvSource({
            "254700001032, 1032, TRANSACTION_CANCELED",
            "254700001037, 1037, CUSTOMER_UNREACHABLE",
            "254700000001, 1, NOT_ENOUGH_FUNDS",
            "254700002001, 2001, WRONG_PIN",
            "254700001019, 1019, EXPIRED",
            "254700000017, 17, DUPLICATE_TRANSACTION",
            "254700002028, 2028, NOT_ALLOWED",
            "254700001025, 1025, PROVIDER_REJECTED_REQUEST"})
    void each_stk_result_code_ends_the_payment_failed_with_its_reason(String phone, String resultCode, String reason) {
        HttpResponseView created = collect(phone, "152");
        assertThat(created.status()).isEqualTo(202);

        JsonNode failed = awaitStatus(created.json().path("id").asText(), "FAILED");

        assertThat(failed.path("reason").asText()).isEqualTo(reason);
        assertThat(failed.path("providerReason").asText()).isEqualTo(resultCode);
        assertThat(failed.path("errorMessage").asText()).isNotBlank();
    }

    @Test
    void a_lost_stk_answer_is_unknown_never_resent_and_its_callback_still_completes_the_payment() {
        String phone = Phones.kenya();
        // Daraja takes the push but its answer comes after our timeout; the callback is held back for now.
        mpesa.answerLate("stkpush", phone, true);

        HttpResponseView created = collect(phone, "153");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isEqualTo("UNKNOWN");
        String id = created.json().path("id").asText();
        assertThat(mpesa.requests("stkpush", phone)).isEqualTo(1);
        assertThat(providerReference(id)).isNull();

        HttpResponseView callback = mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(), "{}");

        assertThat(callback.status()).isEqualTo(200);
        JsonNode done = http.get("/api/v1/payments/" + id, apiKey).json();
        assertThat(done.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(done.path("financialTransactionId").asText()).isEqualTo(mpesa.latestOf(phone).path("receipt").asText());
        assertThat(providerReference(id)).isEqualTo(mpesa.latestOf(phone).path("id").asText());
    }

    @Test
    void an_unknown_stk_push_without_its_checkout_request_id_is_never_queried_and_stays_unknown() {
        String phone = Phones.kenya();
        mpesa.answerLate("stkpush", phone, true);
        String id = collect(phone, "154").json().path("id").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> pollAttempts(id) > 0);

        assertThat(status(id)).isEqualTo("UNKNOWN");
        assertThat(mpesa.requests("stkpushquery", phone)).isZero();
        assertThat(mpesa.requests("stkpush", phone)).isEqualTo(1);
    }

    @Test
    void a_lost_stk_callback_is_made_up_for_by_the_stk_query_of_the_poller() {
        String phone = Phones.kenya();
        mpesa.loseCallback("stkpush", phone);
        String id = collect(phone, "155").json().path("id").asText();

        awaitStatus(id, "SUCCESSFUL");

        assertThat(mpesa.requests("stkpushquery", phone)).isPositive();
        assertThat(lastEventSource(id)).isEqualTo("POLLER");
    }

    @Test
    void a_push_the_customer_has_not_answered_yet_is_pending_while_daraja_processes_it_and_expires_when_too_old() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String id = collect(phone, "156").json().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> pollAttempts(id) > 0);
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(mpesa.requests("stkpushquery", phone)).isPositive();

        jdbc.update("UPDATE payment SET created_at = now() - interval '2 hours', next_poll_at = now() WHERE id = ?::uuid", id);

        JsonNode expired = awaitStatus(id, "EXPIRED");
        assertThat(expired.path("reason").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void a_second_push_while_the_customer_still_has_one_open_fails_at_once_as_payer_busy() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        assertThat(collect(phone, "157").status()).isEqualTo(202);

        HttpResponseView second = collect(phone, "158");

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().path("details").path("reason").asText()).isEqualTo("PAYER_BUSY");
        assertThat(second.json().path("details").path("providerReason").asText()).isEqualTo("500.001.1001");
    }

    @ParameterizedTest(name = "{0} is retried")
    @ValueSource(strings = {"500.003.02", "500.003.03"})
    void a_throttled_stk_push_was_not_taken_so_it_is_retried(String errorCode) {
        String phone = Phones.kenya();
        mpesa.fail("stkpush", phone, 2, 500, errorCode);

        HttpResponseView created = collect(phone, "159");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isIn("PENDING", "SUCCESSFUL");
        assertThat(mpesa.requests("stkpush", phone)).isEqualTo(3);
    }

    @Test
    void an_internal_error_of_daraja_may_hide_a_prompt_so_the_push_is_unknown_and_not_resent() {
        String phone = Phones.kenya();
        mpesa.fail("stkpush", phone, 3, 500, null);

        HttpResponseView created = collect(phone, "160");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(created.json().path("providerReason").asText()).isEqualTo("500.003.1001");
        assertThat(mpesa.requests("stkpush", phone)).isEqualTo(1);
    }

    @Test
    void a_shortcode_daraja_does_not_know_is_a_gateway_configuration_error_not_a_payment_failure() {
        String phone = Phones.kenya();
        mpesa.fail("stkpush", phone, 1, 500, "500.001.1001");

        HttpResponseView refused = collect(phone, "161");

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(refused.json().path("details").path("reason").asText()).isEqualTo("PROVIDER_AUTHENTICATION_FAILED");
    }


    private String providerReference(String id) {
        return jdbc.queryForObject("SELECT provider_reference FROM payment WHERE id = ?::uuid", String.class, id);
    }

    private int pollAttempts(String id) {
        return jdbc.queryForObject("SELECT poll_attempts FROM payment WHERE id = ?::uuid", Integer.class, id);
    }

    private String lastEventSource(String id) {
        return jdbc.queryForObject("SELECT source FROM payment_event WHERE payment_id = ?::uuid ORDER BY id DESC LIMIT 1",
                String.class, id);
    }
}
