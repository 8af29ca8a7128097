package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MTN MoMo collections end to end: gateway, PostgreSQL and the MTN simulator over HTTP. */
class CollectionFlowTest extends GatewayApiTest {

    @Test
    void a_collection_is_accepted_pending_and_completed_by_the_providers_callback() {
        String phone = Phones.uganda();

        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"15000\",\"phoneNumber\":\"" + phone + "\",\"externalId\":\"order-42\",\"payerMessage\":\"Order 42\"}");

        assertThat(created.status()).isEqualTo(202);
        JsonNode payment = created.json();
        assertThat(payment.path("status").asText()).isIn("PENDING", "SUCCESSFUL");
        assertThat(payment.path("amount").asText()).isEqualTo("15000");
        assertThat(payment.path("currency").asText()).isEqualTo("UGX");
        assertThat(payment.path("provider").asText()).isEqualTo("MTN_MOMO");
        String id = payment.path("id").asText();

        JsonNode done = awaitStatus(id, "SUCCESSFUL");
        assertThat(done.path("financialTransactionId").asText()).matches("\\d{9,10}");
        assertThat(done.path("completedAt").isNull()).isFalse();

        JsonNode events = http.get("/api/v1/payments/" + id + "/events", apiKey).json().path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("type").asText()).isEqualTo("CREATED");
        assertThat(events.get(1).path("toStatus").asText()).isEqualTo("SUCCESSFUL");
        assertThat(events.get(1).path("source").asText()).isEqualTo("CALLBACK");
    }

    @ParameterizedTest(name = "{0} ends FAILED with {1}")
    @CsvSource({
            "46733123450, INTERNAL_PROCESSING_ERROR",
            "46733123451, PAYMENT_NOT_APPROVED",
            "46733123452, EXPIRED",
            "46733123455, PAYER_NOT_FOUND",
            "46733123456, PAYEE_NOT_ALLOWED_TO_RECEIVE",
            "46733123457, NOT_ALLOWED",
            "46733123458, NOT_ALLOWED_TARGET_ENVIRONMENT",
            "46733123459, INVALID_CALLBACK_URL_HOST",
            "46733123460, INVALID_CURRENCY",
            "46733123461, INTERNAL_PROCESSING_ERROR",
            "46733123462, SERVICE_UNAVAILABLE",
            "46733123463, COULD_NOT_PERFORM_TRANSACTION"})
    void each_failure_reason_of_the_sandbox_ends_the_payment_failed_with_that_reason(String phone, String reason) {
        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"currency\":\"EUR\",\"phoneNumber\":\"" + phone + "\"}");
        assertThat(created.status()).isEqualTo(202);

        JsonNode failed = awaitStatus(created.json().path("id").asText(), "FAILED");

        assertThat(failed.path("reason").asText()).isEqualTo(reason);
        assertThat(failed.path("errorMessage").asText()).isNotBlank();
        assertThat(failed.path("providerReason").asText()).isNotBlank();
    }

    @Test
    void a_timed_out_request_is_unknown_until_the_poller_finds_out() {
        String phone = Phones.uganda();
        // MTN gets every attempt but answers too late, and its callback is lost.
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":3,"
                + "\"delayMs\":3000,\"delayAfterProcessing\":true,\"suppressCallback\":true}");

        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"2000\",\"phoneNumber\":\"" + phone + "\"}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isEqualTo("UNKNOWN");
        String id = created.json().path("id").asText();

        awaitStatus(id, "SUCCESSFUL");
        JsonNode events = http.get("/api/v1/payments/" + id + "/events", apiKey).json().path("events");
        assertThat(events.findValuesAsText("toStatus")).containsSubsequence("PENDING", "UNKNOWN", "SUCCESSFUL");
        assertThat(events.get(events.size() - 1).path("source").asText()).isEqualTo("POLLER");
    }

    @Test
    void a_lost_callback_is_made_up_for_by_refresh_on_demand() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String id = http.post("/api/v1/collections", apiKey, "{\"amount\":\"2000\",\"phoneNumber\":\"" + phone + "\"}")
                .json().path("id").asText();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/v1/payments/" + id + "?refresh=true", apiKey).json().path("status").asText())
                .isEqualTo("SUCCESSFUL"));
    }

    @Test
    void a_retryable_provider_error_is_retried_and_a_business_refusal_is_not() {
        String flaky = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + flaky + "\",\"times\":2,\"httpStatus\":503}");
        HttpResponseView recovered = http.post("/api/v1/collections", apiKey, "{\"amount\":\"2000\",\"phoneNumber\":\"" + flaky + "\"}");
        assertThat(recovered.status()).isEqualTo(202);
        assertThat(mtn.requests("requesttopay", flaky)).isEqualTo(3);

        String refused = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + refused + "\",\"times\":5,\"httpStatus\":400}");
        HttpResponseView failed = http.post("/api/v1/collections", apiKey, "{\"amount\":\"2000\",\"phoneNumber\":\"" + refused + "\"}");
        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.json().path("code").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(failed.json().path("details").path("payment").path("status").asText()).isEqualTo("FAILED");
        assertThat(mtn.requests("requesttopay", refused)).isEqualTo(1);
    }

    @Test
    void payments_are_listed_newest_first_with_filters_and_pages() {
        String first = http.post("/api/v1/collections", apiKey, "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}")
                .json().path("id").asText();
        String failing = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"phoneNumber\":\"46733123451\"}")
                .json().path("id").asText();
        awaitStatus(failing, "FAILED");
        awaitStatus(first, "SUCCESSFUL");

        JsonNode all = http.get("/api/v1/payments?size=1", apiKey).json();
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("items")).hasSize(1);
        assertThat(all.path("items").get(0).path("id").asText()).isEqualTo(failing);

        JsonNode failed = http.get("/api/v1/payments?status=FAILED&provider=MTN_MOMO&from=2020-01-01", apiKey).json();
        assertThat(failed.path("items").findValuesAsText("id")).isEqualTo(List.of(failing));
        assertThat(http.get("/api/v1/payments?to=2020-01-01", apiKey).json().path("total").asInt()).isZero();
    }

    @Test
    void payments_are_found_by_external_id_and_by_phone_number_as_people_type_it() {
        String phone = Phones.uganda();
        String externalId = "find-me-" + System.nanoTime();
        String mine = http.post("/api/v1/collections", apiKey, """
                {"amount":"1000","phoneNumber":"%s","externalId":"%s"}""".formatted(phone, externalId)).json().path("id").asText();
        String other = collect(Phones.uganda(), "1000").json().path("id").asText();

        JsonNode byExternalId = http.get("/api/v1/payments?externalId=" + externalId, apiKey).json();
        JsonNode byPhone = http.get("/api/v1/payments?phoneNumber=%2B" + phone.substring(0, 3) + "%20" + phone.substring(3), apiKey).json();

        assertThat(byExternalId.path("items").findValuesAsText("id")).isEqualTo(List.of(mine));
        assertThat(byPhone.path("items").findValuesAsText("id")).isEqualTo(List.of(mine)).doesNotContain(other);
        assertThat(http.get("/api/v1/payments?phoneNumber=abc", apiKey).json().path("code").asText()).isEqualTo("INVALID_REQUEST");
    }
}
