package io.mmg.gateway.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /payments/{id}/refunds: a refund is its own REFUND payment, sent through MTN Disbursement's refund
 * resource, and what is refunded never exceeds what was collected.
 */
class RefundTest extends GatewayApiTest {

    private String successfulCollection(String phone, String amount) {
        HttpResponseView created = collect(phone, amount);
        assertThat(created.status()).isEqualTo(202);
        String id = created.json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        return id;
    }

    private HttpResponseView refund(String paymentId, String body) {
        return http.post("/api/v1/payments/" + paymentId + "/refunds", apiKey, body);
    }

    @Test
    void a_refund_without_an_amount_refunds_the_whole_collection_through_mtn_disbursement() {
        String phone = Phones.uganda();
        String original = successfulCollection(phone, "15000");

        HttpResponseView created = refund(original, "{\"note\":\"Order cancelled\",\"externalId\":\"refund-42\"}");

        assertThat(created.status()).isEqualTo(202);
        JsonNode refund = created.json();
        assertThat(refund.path("type").asText()).isEqualTo("REFUND");
        assertThat(refund.path("product").asText()).isEqualTo("DISBURSEMENT");
        assertThat(refund.path("originalPaymentId").asText()).isEqualTo(original);
        assertThat(refund.path("amount").asText()).isEqualTo("15000");
        assertThat(refund.path("currency").asText()).isEqualTo("UGX");
        assertThat(refund.path("phoneNumber").asText()).isEqualTo(phone);
        assertThat(refund.path("payeeNote").asText()).isEqualTo("Order cancelled");
        String refundId = refund.path("id").asText();
        JsonNode atMtn = mtn.transaction(refundId);
        assertThat(atMtn.path("product").asText()).isEqualTo("disbursement");
        assertThat(atMtn.path("resource").asText()).isEqualTo("refund");

        awaitStatus(refundId, "SUCCESSFUL");
        JsonNode collection = http.get("/api/v1/payments/" + original, apiKey).json();
        assertThat(collection.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(collection.path("refundedAmount").asText()).isEqualTo("15000");
    }

    @Test
    void the_callers_note_is_named_note_and_its_former_name_reason_is_still_accepted() {
        String original = successfulCollection(Phones.uganda(), "10000");

        HttpResponseView withNote = refund(original, "{\"amount\":\"1000\",\"note\":\"Damaged item\"}");
        HttpResponseView withReason = refund(original, "{\"amount\":\"1000\",\"reason\":\"Late delivery\"}");
        HttpResponseView withBoth = refund(original, "{\"amount\":\"1000\",\"note\":\"a\",\"reason\":\"b\"}");
        HttpResponseView unknown = refund(original, "{\"amount\":\"1000\",\"comment\":\"a\"}");

        assertThat(withNote.status()).isEqualTo(202);
        assertThat(withNote.json().path("payerMessage").asText()).isEqualTo("Damaged item");
        assertThat(withNote.json().path("payeeNote").asText()).isEqualTo("Damaged item");
        assertThat(withNote.json().path("reason").isNull()).as("a payment's reason is why it failed").isTrue();
        assertThat(withReason.status()).isEqualTo(202);
        assertThat(withReason.json().path("payeeNote").asText()).isEqualTo("Late delivery");
        assertThat(withBoth.status()).isEqualTo(400);
        assertThat(withBoth.json().path("details").path("field").asText()).isEqualTo("reason");
        assertThat(unknown.json().path("details").path("allowedFields").toString())
                .isEqualTo("[\"amount\",\"externalId\",\"note\",\"reason\"]");
    }

    @Test
    void every_payment_type_answers_with_the_same_fields() {
        String collection = successfulCollection(Phones.uganda(), "10000");
        String body = "{\"amount\":\"5000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}";

        JsonNode collected = http.get("/api/v1/payments/" + collection, apiKey).json();
        JsonNode refund = refund(collection, "{\"amount\":\"1000\"}").json();
        JsonNode disbursement = http.post("/api/v1/disbursements", apiKey, body).json();
        JsonNode remittance = http.post("/api/v1/remittances", apiKey, body).json();

        List<String> fields = fieldNames(collected);
        assertThat(fields).contains("refundedAmount");
        assertThat(fieldNames(refund)).isEqualTo(fields);
        assertThat(fieldNames(disbursement)).isEqualTo(fields);
        assertThat(fieldNames(remittance)).isEqualTo(fields);
        assertThat(disbursement.get("refundedAmount").isNull()).as("only a collection can be refunded").isTrue();
        assertThat(collected.path("refundedAmount").asText()).isEqualTo("0");
    }

    private static List<String> fieldNames(JsonNode payment) {
        List<String> names = new ArrayList<>();
        payment.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void partial_refunds_add_up_to_the_collected_amount_and_no_further() {
        String original = successfulCollection(Phones.uganda(), "10000");

        assertThat(refund(original, "{\"amount\":\"4000\"}").status()).isEqualTo(202);
        assertThat(refund(original, "{\"amount\":\"6000\"}").status()).isEqualTo(202);
        HttpResponseView third = refund(original, "{\"amount\":\"1000\"}");

        assertThat(third.status()).isEqualTo(422);
        assertThat(third.json().path("code").asText()).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(third.json().path("details").path("refundable").asText()).isEqualTo("0");
        assertThat(third.json().path("details").path("refundedOrPending").asText()).isEqualTo("10000");
    }

    @Test
    void a_refund_above_what_is_left_is_refused_with_what_can_still_be_refunded() {
        String original = successfulCollection(Phones.uganda(), "10000");
        refund(original, "{\"amount\":\"7500\"}");

        HttpResponseView tooMuch = refund(original, "{\"amount\":\"3000\"}");

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().path("code").asText()).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(tooMuch.json().path("details").path("refundable").asText()).isEqualTo("2500");
        assertThat(tooMuch.json().path("details").path("requested").asText()).isEqualTo("3000");
        assertThat(refund(original, "{\"amount\":\"20000\"}").json().path("details").path("refundedOrPending").asText())
                .isEqualTo("7500");
        assertThat(refund(original, "{}").json().path("amount").asText()).isEqualTo("2500");
    }

    @Test
    void an_mpesa_collection_is_refunded_through_the_same_api_by_a_reversal() {
        String original = successfulCollection(Phones.kenya(), "300");

        HttpResponseView created = refund(original, "{\"reason\":\"Returned\"}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("provider").asText()).isEqualTo("MPESA");
        assertThat(created.json().path("product").asText()).isEqualTo("REVERSAL");
        assertThat(created.json().path("amount").asText()).isEqualTo("300");
        awaitStatus(created.json().path("id").asText(), "SUCCESSFUL");
        assertThat(http.get("/api/v1/payments/" + original, apiKey).json().path("refundedAmount").asText()).isEqualTo("300");
    }

    @Test
    void a_failed_payment_cannot_be_refunded() {
        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"phoneNumber\":\"46733123451\"}");
        String failed = created.json().path("id").asText();
        awaitStatus(failed, "FAILED");

        HttpResponseView refused = refund(failed, "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("REFUND_NOT_ALLOWED");
        assertThat(refused.json().path("details").path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void a_collection_still_pending_cannot_be_refunded_yet() {
        // Its callback is lost: it stays PENDING until the poller asks (seconds later), then ends.
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String pending = collect(phone, "5000").json().path("id").asText();

        HttpResponseView refused = refund(pending, "{\"amount\":\"1\"}");

        assertThat(refused.json().path("code").asText()).isEqualTo("REFUND_NOT_ALLOWED");
        assertThat(refused.json().path("details").path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void only_collections_can_be_refunded_not_disbursements_nor_refunds() {
        String payout = http.post("/api/v1/disbursements", apiKey, "{\"amount\":\"2000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}")
                .json().path("id").asText();
        awaitStatus(payout, "SUCCESSFUL");
        String original = successfulCollection(Phones.uganda(), "2000");
        String aRefund = refund(original, "{\"amount\":\"1000\"}").json().path("id").asText();
        awaitStatus(aRefund, "SUCCESSFUL");

        assertThat(refund(payout, "{}").json().path("code").asText()).isEqualTo("REFUND_NOT_ALLOWED");
        assertThat(refund(aRefund, "{}").json().path("code").asText()).isEqualTo("REFUND_NOT_ALLOWED");
    }

    @Test
    void a_refund_that_fails_at_mtn_gives_its_amount_back_to_refund_later() {
        String phone = Phones.uganda();
        String original = successfulCollection(phone, "5000");
        mtn.addFault("{\"operation\":\"disbursement/refund\",\"msisdn\":\"" + phone + "\",\"times\":1,\"httpStatus\":400}");

        HttpResponseView failed = refund(original, "{}");
        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.json().path("code").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(failed.json().path("details").path("payment").path("type").asText()).isEqualTo("REFUND");

        HttpResponseView again = refund(original, "{}");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("amount").asText()).isEqualTo("5000");
    }

    @Test
    void a_refund_is_idempotent_with_the_same_key_and_refused_with_another_body() {
        String original = successfulCollection(Phones.uganda(), "8000");
        Map<String, String> key = Map.of("Idempotency-Key", "refund-" + original);

        HttpResponseView first = http.post("/api/v1/payments/" + original + "/refunds", apiKey, "{\"amount\":\"8000\"}", key);
        HttpResponseView replay = http.post("/api/v1/payments/" + original + "/refunds", apiKey, "{\"amount\":\"8000\"}", key);
        HttpResponseView other = http.post("/api/v1/payments/" + original + "/refunds", apiKey, "{\"amount\":\"100\"}", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE original_payment_id = ?::uuid",
                Integer.class, original)).isEqualTo(1);
    }

    @Test
    void a_retried_full_refund_replays_its_first_answer() {
        String original = successfulCollection(Phones.uganda(), "6000");
        Map<String, String> key = Map.of("Idempotency-Key", "full-refund-" + original);

        HttpResponseView first = http.post("/api/v1/payments/" + original + "/refunds", apiKey, "{}", key);
        HttpResponseView retried = http.post("/api/v1/payments/" + original + "/refunds", apiKey, "{}", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(retried.json().path("amount").asText()).isEqualTo("6000");
    }

    @Test
    void another_merchants_payment_cannot_be_refunded() {
        String original = successfulCollection(Phones.uganda(), "3000");
        String otherMerchant = TestMerchants.newApiKey(clients);

        HttpResponseView refused = http.post("/api/v1/payments/" + original + "/refunds", otherMerchant, "{}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void a_refund_amount_is_checked_like_any_amount() {
        String original = successfulCollection(Phones.uganda(), "3000");

        assertThat(refund(original, "{\"amount\":\"10.5\"}").json().path("code").asText()).isEqualTo("INVALID_AMOUNT");
        assertThat(refund(original, "{\"amount\":\"-5\"}").json().path("code").asText()).isEqualTo("INVALID_AMOUNT");
        assertThat(refund(original, "{\"amount\":\"3001\"}").json().path("code").asText()).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(refund(original, "{\"amount\":\"1\",\"currency\":\"UGX\"}").json().path("code").asText())
                .isEqualTo("INVALID_REQUEST");
        assertThat(refund(original, "not json").json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE original_payment_id = ?::uuid",
                Integer.class, original)).isZero();
    }

    @Test
    void a_refund_whose_callback_is_lost_is_asked_about_at_the_refund_resource() {
        String phone = Phones.uganda();
        String original = successfulCollection(phone, "4000");
        mtn.addFault("{\"operation\":\"disbursement/refund\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");

        String refundId = refund(original, "{}").json().path("id").asText();

        awaitRefreshedStatus(refundId, "SUCCESSFUL");
        assertThat(mtn.requests("disbursement/refund-status", phone)).isPositive();
    }
}
