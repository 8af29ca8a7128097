package io.mmg.gateway.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import org.junit.jupiter.api.Test;

/** POST /payments/{id}/cancel: what can be cancelled, what cannot, and how each refusal is said. */
class PaymentCancellationTest extends CancellationTestBase {

    @Test
    void an_mtn_collection_the_customer_has_not_approved_is_cancelled_and_the_merchant_told() {
        subscribeToWebhooks();
        String id = pendingMtnCollection("7");

        HttpResponseView cancelled = cancel(id, "{\"note\":\"Customer left the checkout\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("providerOutcome").asText()).isEqualTo("WAITING");
        assertThat(payment(id).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(eventTypes(id)).containsExactly("CREATED", "STATUS_CHANGED");
        assertThat(webhookTypes(id)).containsExactly("payment.cancelled");
    }

    @Test
    void an_mpesa_stk_push_the_customer_has_not_answered_is_cancelled_and_a_later_decline_is_recorded() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        HttpResponseView created = collect(phone, "150");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        String id = created.json().path("id").asText();

        HttpResponseView cancelled = cancel(id, null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        mpesaCustomerAnswers(cancelled.json().path("providerReference").asText(), 1032);
        JsonNode after = awaitProviderOutcome(id, "FAILED");
        assertThat(after.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(eventTypes(id)).contains("PROVIDER_OUTCOME");
        assertThat(refunds()).isEmpty();
    }

    @Test
    void a_final_payment_cannot_be_cancelled() {
        HttpResponseView created = collect(Phones.uganda(), "1500");
        String id = created.json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        HttpResponseView refused = cancel(id, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_ALREADY_FINAL");
        assertThat(refused.json().path("details").path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void another_merchants_payment_is_not_found_and_stays_as_it_was() {
        String id = pendingMtnCollection("3");
        String otherKey = TestMerchants.newApiKey(clients);

        HttpResponseView refused = http.post("/api/v1/payments/" + id + "/cancel", otherKey, null);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(cancel("not-a-uuid", null).json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void a_bad_body_is_refused_with_400_and_nothing_changes() {
        String id = pendingMtnCollection("4");

        HttpResponseView unknownField = cancel(id, "{\"reason\":\"x\"}");
        HttpResponseView tooLong = cancel(id, "{\"note\":\"" + "n".repeat(161) + "\"}");
        HttpResponseView notJson = cancel(id, "{note");
        HttpResponseView notText = cancel(id, "{\"note\":42}");

        for (HttpResponseView refused : new HttpResponseView[] {unknownField, tooLong, notJson, notText}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        }
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void the_same_idempotency_key_replays_the_cancellation_and_another_request_with_it_is_refused() {
        String id = pendingMtnCollection("5");

        HttpResponseView first = cancel(id, "{\"note\":\"duplicate order\"}", "cancel-" + id);
        HttpResponseView replay = cancel(id, "{\"note\":\"duplicate order\"}", "cancel-" + id);
        HttpResponseView otherNote = cancel(id, "{\"note\":\"something else\"}", "cancel-" + id);
        HttpResponseView withoutKey = cancel(id, null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(otherNote.status()).isEqualTo(409);
        assertThat(otherNote.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(withoutKey.json().path("code").asText()).isEqualTo("PAYMENT_ALREADY_FINAL");
        assertThat(eventTypes(id).stream().filter("STATUS_CHANGED"::equals)).hasSize(1);
    }

    @Test
    void a_payout_already_sent_cannot_be_cancelled_and_the_answer_says_why() {
        HttpResponseView created = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"6\",\"currency\":\"EUR\",\"phoneNumber\":\"" + MTN_PENDING + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        String id = created.json().path("id").asText();

        HttpResponseView refused = cancel(id, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isIn("PAYOUT_ALREADY_SENT", "PAYMENT_ALREADY_FINAL");
        if (refused.json().path("code").asText().equals("PAYOUT_ALREADY_SENT")) {
            assertThat(refused.json().path("error").asText()).contains("cannot take it back");
            assertThat(status(id)).isNotEqualTo("CANCELLED");
        }
    }

    @Test
    void a_payout_stored_but_never_sent_is_cancelled_outright() {
        HttpResponseView created = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"1500\",\"phoneNumber\":\"" + Phones.uganda() + "\"}");
        String id = created.json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        // A payout as a crash right after storing leaves it: open, and no attempt counted as gone out (V81).
        String unsent = java.util.UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country, phone_number,
                                     next_poll_at, send_attempts)
                SELECT ?::uuid, client_id, type, provider, product, 'PENDING', amount, currency, country, phone_number,
                       now() + interval '1 hour', 0
                  FROM payment WHERE id = ?::uuid""", unsent, id);

        HttpResponseView cancelled = cancel(unsent, null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void one_idempotency_key_sent_for_two_payments_at_once_cancels_one_of_them_only() throws Exception {
        String first = pendingMtnCollection("2");
        String second = pendingMtnCollection("2");
        String key = "cancel-twins-" + first;

        java.util.concurrent.CompletableFuture<HttpResponseView> a =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> cancel(first, null, key));
        java.util.concurrent.CompletableFuture<HttpResponseView> b =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> cancel(second, null, key));

        java.util.List<Integer> answers = java.util.List.of(a.get().status(), b.get().status());
        assertThat(answers).containsExactlyInAnyOrder(200, 409);
        HttpResponseView refused = a.get().status() == 409 ? a.get() : b.get();
        assertThat(refused.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(java.util.List.of(status(first), status(second))).containsExactlyInAnyOrder("CANCELLED", "PENDING");
    }

    @Test
    void a_refresh_asks_the_provider_about_a_cancelled_payment_still_waiting() {
        String id = pendingMtnCollection("6");
        cancel(id, null);
        mtnCustomerApproves(id);

        JsonNode refreshed = http.get("/api/v1/payments/" + id + "?refresh=true", apiKey).json();

        assertThat(refreshed.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(refreshed.path("providerOutcome").asText()).isIn("SUCCESSFUL");
    }
}
