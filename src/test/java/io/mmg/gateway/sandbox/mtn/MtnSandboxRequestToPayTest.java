package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.newReference;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.ordinaryMsisdn;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.requestToPayBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.mtn.MtnSandboxClient.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MtnSandboxRequestToPayTest extends MtnSandboxIntegrationTest {


    @Test
    void a_request_to_pay_is_accepted_then_succeeds_with_a_financial_transaction_id() {
        String reference = newReference();
        String payer = ordinaryMsisdn();

        Response accepted = mtn.requestToPay(reference, requestToPayBody(payer, "6.0"));
        JsonNode pending = mtn.status("collection", "v1_0", "requesttopay", reference).json();
        JsonNode done = mtn.awaitFinal("collection", "v1_0", "requesttopay", reference);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).isEmpty();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.has("financialTransactionId")).isFalse();
        assertThat(done.get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(done.get("financialTransactionId").asText()).matches("\\d{9,10}");
        assertThat(done.get("amount").asText()).isEqualTo("6");
        assertThat(done.get("currency").asText()).isEqualTo("EUR");
        assertThat(done.get("externalId").asText()).isEqualTo("order-42");
        assertThat(done.get("payer").get("partyIdType").asText()).isEqualTo("MSISDN");
        assertThat(done.get("payer").get("partyId").asText()).isEqualTo(payer);
        assertThat(done.get("payerMessage").asText()).isEqualTo("Order 42");
        assertThat(done.get("payeeNote").asText()).isEqualTo("Thanks");
        assertThat(done.has("reason")).isFalse();
    }

    @Test
    void a_reused_reference_id_is_a_conflict_and_changes_nothing() {
        String reference = newReference();
        mtn.requestToPay(reference, requestToPayBody(ordinaryMsisdn(), "100"));

        Response again = mtn.requestToPay(reference, requestToPayBody("46733123450", "999"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("RESOURCE_ALREADY_EXIST");
        assertThat(again.json().get("message").asText())
                .isEqualTo("Duplicated reference id. Creation of resource failed.");
        assertThat(mtn.awaitFinal("collection", "v1_0", "requesttopay", reference).get("amount").asText())
                .isEqualTo("100");
    }

    @Test
    void the_reference_id_must_be_a_version_4_uuid() {
        Response response = mtn.requestToPay("c9a5f0e2-a9b4-11ee-8c90-0242ac120002",
                requestToPayBody(ordinaryMsisdn(), "1"));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void an_empty_body_is_a_bad_request() {
        assertThat(mtn.requestToPay(newReference(), "{}").status()).isEqualTo(400);
        assertThat(mtn.requestToPay(newReference(), null).status()).isEqualTo(400);
    }

    @Test
    void an_amount_sent_as_a_json_number_is_a_bad_request_as_momo_takes_only_strings() {
        Response response = mtn.requestToPay(newReference(), """
                {"amount":5,"currency":"EUR","externalId":"x","payer":{"partyIdType":"MSISDN","partyId":"%s"}}"""
                .formatted(ordinaryMsisdn()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("amount");
    }

    @Test
    void a_payer_with_empty_fields_is_a_server_error() {
        Response response = mtn.requestToPay(newReference(), """
                {"amount":"5","currency":"EUR","externalId":"x","payer":{"partyIdType":"","partyId":""}}""");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("code").asText()).isEqualTo("INTERNAL_PROCESSING_ERROR");
    }

    @Test
    void the_sandbox_takes_euros_only() {
        Response response = mtn.requestToPay(newReference(),
                requestToPayBody(ordinaryMsisdn(), "5").replace("EUR", "UGX"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("code").asText()).isEqualTo("INVALID_CURRENCY");
        assertThat(response.json().get("message").asText()).isEqualTo("Currency not supported.");
    }

    @Test
    void messages_longer_than_160_characters_or_with_an_apostrophe_are_bad_requests() {
        String body = requestToPayBody(ordinaryMsisdn(), "5");

        assertThat(mtn.requestToPay(newReference(), body.replace("Order 42", "x".repeat(161))).status())
                .isEqualTo(400);
        assertThat(mtn.requestToPay(newReference(), body.replace("Thanks", "Thank's")).status()).isEqualTo(400);
        assertThat(mtn.requestToPay(newReference(), body.replace("Order 42", "x".repeat(160))).status())
                .isEqualTo(202);
    }

    @Test
    void the_callback_url_must_be_on_the_api_users_callback_host() {
        String body = requestToPayBody(ordinaryMsisdn(), "5");

        Response otherHost = mtn.create("collection", "v1_0", "requesttopay", newReference(), body,
                "https://webhook.example/callbacks/mtn");
        Response empty = mtn.create("collection", "v1_0", "requesttopay", newReference(), body, " ");

        assertThat(otherHost.status()).isEqualTo(500);
        assertThat(otherHost.json().get("code").asText()).isEqualTo("INVALID_CALLBACK_URL_HOST");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void the_target_environment_header_is_required() {
        Map<String, String> headers = mtn.productHeaders("collection");
        headers.remove("X-Target-Environment");
        headers.put("X-Reference-Id", newReference());

        Response response = mtn.send("POST", "/sandbox/mtn/collection/v1_0/requesttopay", headers,
                requestToPayBody(ordinaryMsisdn(), "5"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_ALLOWED_TARGET_ENVIRONMENT");
    }

    @Test
    void a_status_for_a_malformed_reference_is_a_bad_request_and_for_an_unknown_one_not_found() {
        Response malformed = mtn.status("collection", "v1_0", "requesttopay", "incorrect_referenceId");
        Response unknown = mtn.status("collection", "v1_0", "requesttopay", newReference());

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void the_reason_can_be_sent_as_an_object() {
        mtn.control("PUT", "", "{\"settings\": {\"reason-format\": \"object\"}}");
        String reference = newReference();
        mtn.requestToPay(reference, requestToPayBody("46733123451", "5"));

        JsonNode reason = mtn.awaitFinal("collection", "v1_0", "requesttopay", reference).get("reason");

        assertThat(reason.get("code").asText()).isEqualTo("APPROVAL_REJECTED");
        assertThat(reason.get("message").asText()).isNotBlank();
    }

    @Test
    void a_withdrawal_is_accepted_under_both_versions_and_read_under_v1() {
        String v1 = newReference();
        String v2 = newReference();

        assertThat(mtn.create("collection", "v1_0", "requesttowithdraw", v1, requestToPayBody(ordinaryMsisdn(), "7"),
                null).status()).isEqualTo(202);
        assertThat(mtn.create("collection", "v2_0", "requesttowithdraw", v2, requestToPayBody("46733123452", "7"),
                null).status()).isEqualTo(202);

        assertThat(mtn.awaitFinal("collection", "v1_0", "requesttowithdraw", v1).get("status").asText())
                .isEqualTo("SUCCESSFUL");
        assertThat(mtn.awaitFinal("collection", "v1_0", "requesttowithdraw", v2).get("reason").asText())
                .isEqualTo("EXPIRED");
        assertThat(mtn.status("collection", "v1_0", "requesttopay", v1).status()).isEqualTo(404);
    }

    @Test
    void a_delivery_notification_is_accepted_once() {
        String reference = newReference();
        mtn.requestToPay(reference, requestToPayBody(ordinaryMsisdn(), "5"));
        mtn.awaitFinal("collection", "v1_0", "requesttopay", reference);
        Map<String, String> headers = mtn.productHeaders("collection");
        String path = "/sandbox/mtn/collection/v1_0/requesttopay/" + reference + "/deliverynotification";

        Response tooLong = mtn.send("POST", path, headers, "{\"notificationMessage\":\"" + "x".repeat(161) + "\"}");
        Response first = mtn.send("POST", path, headers, "{\"notificationMessage\":\"Your order is on its way\"}");
        Response second = mtn.send("POST", path, headers, "{\"notificationMessage\":\"Your order is on its way\"}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
    }

    @Test
    void status_polls_beyond_the_rate_limit_are_throttled() {
        mtn.control("PUT", "", "{\"settings\": {\"status-rate-limit\": \"2\"}}");
        String reference = newReference();
        mtn.requestToPay(reference, requestToPayBody(ordinaryMsisdn(), "5"));
        Map<String, String> headers = mtn.productHeaders("collection");
        String path = "/sandbox/mtn/collection/v1_0/requesttopay/" + reference;

        int throttled = 0;
        for (int i = 0; i < 10; i++) {
            Response response = mtn.send("GET", path, headers, null);
            if (response.status() == 429) {
                throttled++;
                assertThat(response.json().get("statusCode").asInt()).isEqualTo(429);
            }
        }

        assertThat(throttled).isPositive();
    }

    @Test
    void an_operation_the_product_does_not_have_is_not_found() {
        Response transferOnCollection = mtn.create("collection", "v1_0", "transfer", newReference(),
                MtnSandboxClient.transferBody(ordinaryMsisdn(), "5"), null);
        Response unknownPath = mtn.send("GET", "/sandbox/mtn/collection/v9_9/nothing", Map.of(), null);

        assertThat(transferOnCollection.status()).isEqualTo(404);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().get("statusCode").asInt()).isEqualTo(404);
    }
}
