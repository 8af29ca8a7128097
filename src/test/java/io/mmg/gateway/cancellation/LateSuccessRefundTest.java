package io.mmg.gateway.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.MpesaSandbox;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A customer who pays after the merchant cancelled: the gateway records it and the poller refunds it through the
 * refund path, once, so the money is neither kept nor lost.
 */
class LateSuccessRefundTest extends CancellationTestBase {

    private JsonNode awaitRefund(String originalId, String status) {
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(
                this::refunds, items -> items.size() == 1 && items.get(0).path("status").asText().equals(status)
                        && items.get(0).path("originalPaymentId").asText().equals(originalId)).get(0);
    }

    @Test
    void an_mtn_customer_who_approves_after_the_cancellation_is_refunded_automatically() {
        subscribeToWebhooks();
        String id = pendingMtnCollection("9");
        assertThat(cancel(id, null).status()).isEqualTo(200);

        mtnCustomerApproves(id);

        JsonNode paid = awaitProviderOutcome(id, "SUCCESSFUL");
        assertThat(paid.path("status").asText()).isEqualTo("CANCELLED");
        JsonNode refund = awaitRefund(id, "SUCCESSFUL");
        assertThat(refund.path("amount").asText()).isEqualTo("9.00");
        assertThat(refund.path("payerMessage").asText()).contains("paid after cancellation");
        assertThat(payment(id).path("refundedAmount").asText()).isEqualTo("9.00");
        assertThat(eventTypes(id)).contains("PROVIDER_OUTCOME", "AUTO_REFUND");
        assertThat(webhookTypes(id)).containsExactlyInAnyOrder("payment.cancelled", "payment.succeeded_after_cancellation");
        assertThat(webhookTypes(refund.path("id").asText())).containsExactly("payment.succeeded");
        // Later poller ticks find nothing more to refund.
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(refunds()).hasSize(1);
    }

    @Test
    void an_mpesa_customer_who_pays_after_the_cancellation_gets_the_money_back_by_reversal() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        HttpResponseView created = collect(phone, "250");
        String id = created.json().path("id").asText();
        HttpResponseView cancelled = cancel(id, "{\"note\":\"Out of stock\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        String checkoutRequestId = cancelled.json().path("providerReference").asText();
        mpesaCustomerAnswers(checkoutRequestId, 0);
        // Daraja's STK callback carries the receipt a reversal needs.
        assertThat(mpesa.resendCallback(checkoutRequestId, null).status()).isEqualTo(200);

        awaitProviderOutcome(id, "SUCCESSFUL");
        JsonNode refund = awaitRefund(id, "SUCCESSFUL");
        assertThat(refund.path("product").asText()).isEqualTo("REVERSAL");
        assertThat(refund.path("amount").asText()).isEqualTo("250");
        assertThat(payment(id).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void a_cancellation_racing_the_success_callback_leaves_one_consistent_outcome() {
        String id = pendingMtnCollection("8");
        mtnCustomerApproves(id);

        CompletableFuture<HttpResponseView> cancelling = CompletableFuture.supplyAsync(() -> cancel(id, null));
        HttpResponseView callback = mtn.resendCallback(id,
                "{\"status\":\"SUCCESSFUL\",\"financialTransactionId\":\"" + System.nanoTime() + "\"}");
        HttpResponseView cancelAnswer = cancelling.join();

        assertThat(callback.status()).isEqualTo(200);
        JsonNode now = payment(id);
        if (cancelAnswer.status() == 200) {
            // Cancelled first: the success arrives as the provider's outcome, and is refunded.
            assertThat(awaitProviderOutcome(id, "SUCCESSFUL").path("status").asText()).isEqualTo("CANCELLED");
            awaitRefund(id, "SUCCESSFUL");
        } else {
            // The callback first: the payment succeeded and the cancellation was refused.
            assertThat(cancelAnswer.json().path("code").asText()).isEqualTo("PAYMENT_ALREADY_FINAL");
            assertThat(now.path("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(refunds()).isEmpty();
        }
    }

    @Test
    void a_cancelled_payment_counts_towards_the_daily_limit_until_the_provider_says_it_failed() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String first = collect(phone, "250000").json().path("id").asText();
        HttpResponseView cancelled = cancel(first, null);
        assertThat(cancelled.status()).isEqualTo(200);
        // The rest of the day's limit (500,000 KES) taken by a payment already paid (stored as such: Daraja's
        // simulator would refuse a second push to a customer who has one on the phone).
        jdbc.update("""
                INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country, phone_number)
                SELECT gen_random_uuid(), client_id, type, provider, product, 'SUCCESSFUL', 249999, currency, country,
                       phone_number
                  FROM payment WHERE id = ?::uuid""", first);

        HttpResponseView overLimit = collect(phone, "2");
        assertThat(overLimit.status()).isEqualTo(422);
        assertThat(overLimit.json().path("code").asText()).isEqualTo("DAILY_LIMIT_EXCEEDED");

        mpesaCustomerAnswers(cancelled.json().path("providerReference").asText(), 1032);
        awaitProviderOutcome(first, "FAILED");
        HttpResponseView admitted = collect(phone, "3");
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(202);
    }

    @Test
    void a_row_of_a_batch_waiting_for_approval_is_cancelled_and_never_paid() {
        String csv = "external_id,phone_number,amount,currency,provider,narration\n"
                + "CXL-1," + io.mmg.gateway.support.Phones.uganda() + ",5000,,,\n"
                + "CXL-2," + io.mmg.gateway.support.Phones.uganda() + ",5000,,,\n";
        String batch = http.send("POST", "/api/v1/disbursement-batches?approval=required", csv,
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv")).json().path("id").asText();
        String rows = "/api/v1/disbursement-batches/" + batch + "/items/";

        HttpResponseView cancelled = http.post(rows + "1/cancel", apiKey, null);
        HttpResponseView again = http.post(rows + "1/cancel", apiKey, null);
        HttpResponseView noSuchRow = http.post(rows + "9/cancel", apiKey, null);
        HttpResponseView noSuchBatch = http.post("/api/v1/disbursement-batches/" + java.util.UUID.randomUUID()
                + "/items/1/cancel", apiKey, null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("SKIPPED");
        assertThat(cancelled.json().path("errorCode").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("externalId").asText()).isEqualTo("CXL-1");
        assertThat(again.json().path("code").asText()).isEqualTo("BATCH_STATE_CONFLICT");
        assertThat(noSuchRow.json().path("code").asText()).isEqualTo("BATCH_NOT_FOUND");
        assertThat(noSuchBatch.status()).isEqualTo(404);

        assertThat(http.post("/api/v1/disbursement-batches/" + batch + "/approve", apiKey, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/disbursement-batches/" + batch, apiKey)
                .json().path("status").asText().equals("COMPLETED"));
        HttpResponseView sent = http.post(rows + "2/cancel", apiKey, null);
        assertThat(sent.status()).isEqualTo(409);
        assertThat(sent.json().path("code").asText()).isEqualTo("PAYOUT_ALREADY_SENT");
        assertThat(http.get("/api/v1/disbursement-batches/" + batch, apiKey).json().path("counts").path("skipped").asInt())
                .isEqualTo(1);
    }
}
