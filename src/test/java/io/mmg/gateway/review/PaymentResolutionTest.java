package io.mmg.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.CallbackReceiver;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An operator settles a payment in review through the admin API: once, recorded, and the merchant is told. */
@ExtendWith(OutputCaptureExtension.class)
class PaymentResolutionTest extends ReviewTestBase {

    private static final String SUCCESSFUL = """
            {"status":"SUCCESSFUL","note":"Safaricom portal shows receipt QKJ4AB12CD","operator":"amina.w",
             "financialTransactionId":"QKJ4AB12CD"}""";
    private static final String FAILED = """
            {"status":"FAILED","note":"No such transaction at Safaricom","operator":"amina.w"}""";

    private CallbackReceiver merchant;
    private final String webhookPath = "/webhooks/" + UUID.randomUUID();

    @BeforeEach
    void merchantListensForWebhooks() {
        merchant = new CallbackReceiver();
        HttpResponseView subscribed = http.put("/api/v1/webhook-endpoint", apiKey,
                "{\"url\":\"" + merchant.url(webhookPath) + "\"}");
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
    }

    @AfterEach
    void stopMerchant() {
        merchant.close();
    }

    @Test
    void an_operator_resolves_a_payment_in_review_as_successful_and_the_merchant_gets_its_webhook() throws Exception {
        String id = paymentInReview();

        HttpResponseView resolved = resolve(id, SUCCESSFUL);

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(resolved.json().path("financialTransactionId").asText()).isEqualTo("QKJ4AB12CD");
        JsonNode webhook = new ObjectMapper().readTree(merchant.awaitOne(webhookPath).body());
        assertThat(webhook.path("type").asText()).isEqualTo("payment.succeeded");
        assertThat(webhook.path("data").path("id").asText()).isEqualTo(id);
        assertThat(webhook.path("data").path("status").asText()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void the_resolution_is_one_status_change_line_in_the_log(CapturedOutput output) {
        String id = paymentInReview();

        resolve(id, FAILED);

        assertThat(output.getAll().lines().filter(line -> line.contains("StatusChangeLog") && line.contains(id)))
                .anySatisfy(line -> assertThat(line).contains("NEEDS_REVIEW -> FAILED", "route admin-resolve-payment"));
    }

    @Test
    void the_resolution_is_kept_in_the_history_with_its_operator_and_note() {
        String id = paymentInReview();

        resolve(id, FAILED);

        JsonNode last = lastEvent(id);
        assertThat(last.path("fromStatus").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(last.path("toStatus").asText()).isEqualTo("FAILED");
        assertThat(last.path("reason").asText()).isEqualTo("FAILED_ON_REVIEW");
        assertThat(last.path("source").asText()).isEqualTo("ADMIN");
        assertThat(last.path("details").path("operator").asText()).isEqualTo("amina.w");
        assertThat(last.path("details").path("note").asText()).isEqualTo("No such transaction at Safaricom");
    }

    @Test
    void a_resolved_payment_cannot_be_resolved_again() {
        String id = paymentInReview();
        assertThat(resolve(id, FAILED).status()).isEqualTo(200);

        HttpResponseView again = resolve(id, SUCCESSFUL);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("PAYMENT_NOT_IN_REVIEW");
        assertThat(again.json().path("details").path("status").asText()).isEqualTo("FAILED");
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(statusEvents(id)).filteredOn(e -> "ADMIN".equals(e.get("source"))).hasSize(1);
    }

    @Test
    void a_payment_the_gateway_settled_by_itself_cannot_be_resolved() {
        String id = collect(Phones.uganda(), "1500").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        HttpResponseView refused = resolve(id, FAILED);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_NOT_IN_REVIEW");
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
    }

    @Test
    void a_resolution_needs_the_admin_key() {
        HttpResponseView refused = http.post("/api/v1/admin/payments/" + UUID.randomUUID() + "/resolution",
                apiKey, FAILED);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_resolution_without_a_note_is_refused() {
        HttpResponseView refused = resolve(UUID.randomUUID().toString(),
                "{\"status\":\"SUCCESSFUL\",\"operator\":\"amina.w\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("note");
    }

    @Test
    void a_payment_can_only_be_resolved_as_successful_or_failed() {
        HttpResponseView refused = resolve(UUID.randomUUID().toString(),
                "{\"status\":\"EXPIRED\",\"note\":\"n\",\"operator\":\"amina.w\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("details").path("field").asText()).isEqualTo("status");
    }

    @Test
    void resolving_a_payment_that_does_not_exist_is_not_found() {
        HttpResponseView refused = resolve(UUID.randomUUID().toString(), FAILED);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    private JsonNode lastEvent(String id) {
        JsonNode events = http.get("/api/v1/payments/" + id + "/events", apiKey).json().path("events");
        return events.get(events.size() - 1);
    }
}
