package io.mmg.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;

/**
 * The M-Pesa checkout API over routes/compat-mpesa-checkout.yaml: each endpoint that API documents, with the
 * API's own request bodies (fresh phone numbers), answers in the API's shape.
 */
class MpesaCheckoutCompatibilityTest extends GatewayApiTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private HttpResponseView initiate(String phone, String orderId, String amount) {
        return http.post("/api/payment/mpesa/", apiKey,
                "{\"phone_number\": \"" + phone + "\", \"order_id\": " + orderId + ", \"amount\": " + amount + "}");
    }

    private String completedPayment(String phone, String orderId, String amount) {
        String id = initiate(phone, orderId, amount).json().path("transaction_id").asText();
        awaitStatus(id, "SUCCESSFUL");
        return id;
    }

    private HttpResponseView verify(String transactionId, String orderId) {
        return http.post("/api/payment/verify/", apiKey,
                "{\"transaction_id\": \"" + transactionId + "\", \"order_id\": " + orderId + "}");
    }

    @Test
    void a_payment_is_initiated_as_an_stk_push_and_answered_in_the_apis_shape() {
        String phone = Phones.kenya();

        HttpResponseView initiated = initiate(phone, "123", "1000.00");

        assertThat(initiated.status()).isEqualTo(200);
        JsonNode body = initiated.json();
        assertThat(body.path("message").asText()).isEqualTo("Payment initiated");
        assertThat(body.path("transaction_id").asText()).matches(UUID);
        assertThat(body.path("checkout_request_id").asText()).isEqualTo(mpesa.latestOf(phone).path("id").asText())
                .startsWith("ws_CO_");
        JsonNode payment = http.get("/api/v1/payments/" + body.path("transaction_id").asText(), apiKey).json();
        assertThat(payment.path("provider").asText()).isEqualTo("MPESA");
        assertThat(payment.path("amount").asText()).isEqualTo("1000");
        assertThat(payment.path("externalId").asText()).isEqualTo("123");
    }

    @Test
    void an_amount_with_cents_is_refused_because_m_pesa_moves_whole_shillings() {
        HttpResponseView refused = initiate(Phones.kenya(), "124", "1000.50");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_AMOUNT");
        assertThat(refused.json().path("details").path("decimals").asInt()).isZero();
    }

    @Test
    void a_field_the_api_does_not_have_is_refused_in_the_error_format() {
        HttpResponseView refused = http.post("/api/payment/mpesa/", apiKey,
                "{\"phone_number\": \"" + Phones.kenya() + "\", \"amount\": 10, \"currency\": \"KES\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(refused.json().path("details").path("allowedFields").toString())
                .isEqualTo("[\"amount\",\"order_id\",\"phone_number\"]");
    }

    @Test
    void the_endpoints_need_the_merchants_api_key() {
        HttpResponseView refused = http.post("/api/payment/mpesa/", null,
                "{\"phone_number\": \"" + Phones.kenya() + "\", \"order_id\": 1, \"amount\": 10}");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void verify_answers_completed_once_m_pesa_has_the_money() {
        String id = completedPayment(Phones.kenya(), "125", "1000.00");

        HttpResponseView verified = verify(id, "125");

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("status").asText()).isEqualTo("completed");
        assertThat(verified.json().path("message").asText()).isEqualTo("Payment successful");
    }

    @Test
    void verify_answers_pending_while_the_customer_has_not_entered_the_pin() {
        String id = initiate(MpesaSandbox.customerWhoNeverAnswers(), "126", "10").json().path("transaction_id").asText();

        HttpResponseView verified = verify(id, "126");

        assertThat(verified.json().path("status").asText()).isEqualTo("pending");
        assertThat(verified.json().path("message").asText()).isEqualTo("Payment pending");
    }

    @Test
    void verify_answers_failed_when_the_customer_cancelled() {
        String id = initiate("254700001032", "127", "11").json().path("transaction_id").asText();
        awaitStatus(id, "FAILED");

        assertThat(verify(id, "127").json().path("status").asText()).isEqualTo("failed");
    }

    @Test
    void verify_of_a_payment_for_another_order_is_not_found() {
        String id = completedPayment(Phones.kenya(), "128", "12");

        HttpResponseView refused = verify(id, "999");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void history_lists_the_merchants_payments_newest_first_in_the_apis_shape() {
        String older = completedPayment(Phones.kenya(), "129", "1000.00");
        String newer = completedPayment(Phones.kenya(), "130", "250");

        HttpResponseView history = http.get("/api/payment/history/", apiKey);

        assertThat(history.status()).isEqualTo(200);
        JsonNode body = history.json();
        assertThat(body.path("total").asInt()).isEqualTo(2);
        assertThat(body.path("page").asInt()).isEqualTo(1);
        JsonNode first = body.path("results").get(0);
        assertThat(first.path("id").asText()).isEqualTo(newer);
        assertThat(first.path("amount").isNumber()).isTrue();
        assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("250");
        assertThat(first.path("status").asText()).isEqualTo("completed");
        assertThat(first.path("payment_method").asText()).isEqualTo("mpesa");
        assertThat(first.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(body.path("results").get(1).path("id").asText()).isEqualTo(older);
    }

    @Test
    void history_pages_count_from_one() {
        String older = completedPayment(Phones.kenya(), "131", "20");
        completedPayment(Phones.kenya(), "132", "21");

        JsonNode second = http.get("/api/payment/history/?page=2&page_size=1", apiKey).json();

        assertThat(second.path("page").asInt()).isEqualTo(2);
        assertThat(second.path("total").asInt()).isEqualTo(2);
        assertThat(second.path("results")).hasSize(1);
        assertThat(second.path("results").get(0).path("id").asText()).isEqualTo(older);
    }

    @Test
    void history_takes_the_apis_status_words_as_a_filter() {
        completedPayment(Phones.kenya(), "140", "22");
        String pending = initiate(MpesaSandbox.customerWhoNeverAnswers(), "141", "23").json().path("transaction_id").asText();

        JsonNode history = http.get("/api/payment/history/?status=pending", apiKey).json();

        assertThat(history.path("total").asInt()).isEqualTo(1);
        assertThat(history.path("results").get(0).path("id").asText()).isEqualTo(pending);
    }

    @Test
    void a_receipt_is_answered_in_the_apis_shape_with_whole_shillings() {
        String id = completedPayment(Phones.kenya(), "133", "1000.00");

        HttpResponseView receipt = http.get("/api/payment/transactions/" + id + "/receipt/", apiKey);

        assertThat(receipt.status()).isEqualTo(200);
        JsonNode body = receipt.json();
        assertThat(body.path("receipt_number").asText()).startsWith("RCP-");
        assertThat(body.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(body.path("amount").asText()).isEqualTo("KES 1,000");
        assertThat(body.path("payment_method").asText()).isEqualTo("M-Pesa");
        assertThat(body.path("status").asText()).isEqualTo("Completed");
        assertThat(body.has("customer_name")).isTrue();
        assertThat(body.path("order_reference").asText()).isEqualTo("133");
    }

    @Test
    void a_receipt_of_a_payment_not_completed_yet_is_refused_in_the_error_format() {
        String id = initiate(MpesaSandbox.customerWhoNeverAnswers(), "134", "10").json().path("transaction_id").asText();

        HttpResponseView refused = http.get("/api/payment/transactions/" + id + "/receipt/", apiKey);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("RECEIPT_NOT_AVAILABLE");
    }

    @Test
    void a_refund_is_requested_with_the_apis_body_and_reverses_the_payment() {
        String id = completedPayment(Phones.kenya(), "135", "1000.00");

        HttpResponseView refunded = http.post("/api/payment/transactions/" + id + "/refund/", apiKey,
                "{\"amount\": 1000.00, \"reason\": \"Customer request\"}");

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().path("message").asText()).isEqualTo("Refund processed successfully");
        String refundId = refunded.json().path("refund_id").asText();
        JsonNode refund = awaitStatus(refundId, "SUCCESSFUL");
        assertThat(refund.path("type").asText()).isEqualTo("REFUND");
        assertThat(refund.path("product").asText()).isEqualTo("REVERSAL");
        assertThat(refund.path("originalPaymentId").asText()).isEqualTo(id);
    }

    @Test
    void the_methods_are_one_per_provider_and_currency_in_the_apis_shape() {
        HttpResponseView methods = http.get("/api/payment/methods/", apiKey);

        assertThat(methods.status()).isEqualTo(200);
        assertThat(methods.json().path("methods")).anySatisfy(method -> {
            assertThat(method.path("type").asText()).isEqualTo("mpesa");
            assertThat(method.path("display_name").asText()).isEqualTo("M-Pesa");
            assertThat(method.path("enabled").asBoolean()).isTrue();
            assertThat(method.path("currency").asText()).isEqualTo("KES");
        });
        assertThat(methods.json().path("methods")).anySatisfy(method -> {
            assertThat(method.path("type").asText()).isEqualTo("mtn_momo");
            assertThat(method.path("currency").asText()).isEqualTo("UGX");
        });
    }

    @Test
    void a_payment_method_is_saved_with_the_apis_body_and_listed() {
        String phone = Phones.kenya();

        HttpResponseView saved = http.post("/api/payment/methods/", apiKey,
                "{\"type\": \"mpesa\", \"details\": {\"phone_number\": \"" + phone + "\"}, \"is_default\": true}");

        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().path("type").asText()).isEqualTo("mpesa");
        assertThat(saved.json().path("details").path("phone_number").asText()).isEqualTo(phone);
        assertThat(saved.json().path("is_default").asBoolean()).isTrue();
        JsonNode listed = http.get("/api/payment/methods/", apiKey).json().path("saved_methods");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(saved.json().path("id").asText());
    }

    @Test
    void a_saved_method_with_a_number_m_pesa_does_not_serve_names_the_apis_field() {
        HttpResponseView refused = http.post("/api/payment/methods/", apiKey,
                "{\"type\": \"mpesa\", \"details\": {\"phone_number\": \"12\"}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_PHONE");
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("details.phone_number");
    }

    @Test
    void a_forged_callback_to_the_fixed_url_changes_nothing_by_itself() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String id = initiate(phone, "136", "10").json().path("transaction_id").asText();
        String checkoutRequestId = mpesa.latestOf(phone).path("id").asText();
        int queriesBefore = mpesa.requests("stkpushquery", phone);

        HttpResponseView answered = http.post("/api/payment/mpesa-callback/", null, "{\"Body\": {\"stkCallback\": {"
                + "\"MerchantRequestID\": \"123\", \"CheckoutRequestID\": \"" + checkoutRequestId + "\", "
                + "\"ResultCode\": 0, \"ResultDesc\": \"The service request is processed successfully.\"}}}");

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().path("ResultCode").asInt()).isZero();
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(mpesa.requests("stkpushquery", phone)).isGreaterThan(queriesBefore);
    }

    @Test
    void a_callback_to_the_fixed_url_makes_the_gateway_ask_m_pesa_at_once() {
        String phone = Phones.kenya();
        mpesa.loseCallback("stkpush", phone);
        String id = initiate(phone, "137", "10").json().path("transaction_id").asText();
        String checkoutRequestId = mpesa.latestOf(phone).path("id").asText();
        await().until(() -> mpesa.transaction(checkoutRequestId).path("status").asText(),
                "COMPLETED"::equals);

        http.post("/api/payment/mpesa-callback/", null, "{\"Body\": {\"stkCallback\": {\"CheckoutRequestID\": \""
                + checkoutRequestId + "\", \"ResultCode\": 0}}}");

        assertThat(status(id)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void the_test_payment_waits_for_the_test_callback_and_ends_as_the_simulated_customer_answered() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        HttpResponseView test = http.post("/api/payment/test/mpesa/", apiKey,
                "{\"phone_number\": \"" + phone + "\", \"amount\": 1000.00}");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().path("message").asText()).isEqualTo("Payment initiated");
        String id = test.json().path("transaction_id").asText();

        HttpResponseView callback = http.post("/api/payment/test/callback/", null,
                "{\"transaction_id\": \"" + id + "\", \"status\": \"cancelled\"}");

        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.json().path("status").asText()).isEqualTo("failed");
        JsonNode payment = http.get("/api/v1/payments/" + id, apiKey).json();
        assertThat(payment.path("status").asText()).isEqualTo("FAILED");
        assertThat(payment.path("reason").asText()).isEqualTo("TRANSACTION_CANCELED");
        JsonNode events = http.get("/api/v1/payments/" + id + "/events", apiKey).json().path("events");
        assertThat(events.get(events.size() - 1).path("source").asText()).isEqualTo("CALLBACK");
    }

    @Test
    void a_test_payment_completed_by_the_test_callback_is_paid_with_its_receipt() {
        String id = http.post("/api/payment/test/mpesa/", apiKey,
                "{\"phone_number\": \"" + Phones.kenya() + "\", \"amount\": 15}").json().path("transaction_id").asText();

        HttpResponseView callback = http.post("/api/payment/test/callback/", null,
                "{\"transaction_id\": \"" + id + "\", \"status\": \"completed\"}");

        assertThat(callback.json().path("status").asText()).isEqualTo("completed");
        assertThat(http.get("/api/v1/payments/" + id, apiKey).json().path("financialTransactionId").asText()).isNotBlank();
    }

    @Test
    void a_test_callback_cannot_change_a_final_payment() {
        String id = completedPayment(Phones.kenya(), "138", "16");

        HttpResponseView callback = http.post("/api/payment/test/callback/", null,
                "{\"transaction_id\": \"" + id + "\", \"status\": \"cancelled\"}");

        assertThat(callback.json().path("status").asText()).isEqualTo("completed");
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void a_test_callback_with_a_status_the_api_does_not_know_is_refused() {
        String id = completedPayment(Phones.kenya(), "139", "17");

        HttpResponseView refused = http.post("/api/payment/test/callback/", null,
                "{\"transaction_id\": \"" + id + "\", \"status\": \"paid-twice\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("status");
    }
}
