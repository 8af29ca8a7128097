package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.newReference;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.ordinaryMsisdn;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.requestToPayBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.mtn.MtnSandboxClient.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control API over HTTP: faults, latency and counts, as the gateway's resilience tests use them. */
class MtnSandboxFaultsTest extends MtnSandboxIntegrationTest {


    @Test
    void the_provider_is_unavailable_three_times_then_answers_normally() {
        String payer = ordinaryMsisdn();
        mtn.control("PUT", "", """
                {"latencyMs":0,"faults":[{"operation":"requesttopay","msisdn":"%s","times":3,"httpStatus":503}]}"""
                .formatted(payer));

        for (int attempt = 1; attempt <= 3; attempt++) {
            Response unavailable = mtn.requestToPay(newReference(), requestToPayBody(payer, "5"));
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        }
        String reference = newReference();
        assertThat(mtn.requestToPay(reference, requestToPayBody(payer, "5")).status()).isEqualTo(202);
        assertThat(mtn.awaitFinal("collection", "v1_0", "requesttopay", reference).get("status").asText())
                .isEqualTo("SUCCESSFUL");
    }

    @Test
    void a_failed_request_creates_nothing() {
        String payer = ordinaryMsisdn();
        mtn.control("POST", "/faults", """
                {"operation":"requesttopay","msisdn":"%s","times":1,"httpStatus":500}""".formatted(payer));
        String reference = newReference();

        Response failed = mtn.requestToPay(reference, requestToPayBody(payer, "5"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().get("code").asText()).isEqualTo("INTERNAL_PROCESSING_ERROR");
        assertThat(mtn.status("collection", "v1_0", "requesttopay", reference).status()).isEqualTo(404);
        assertThat(mtn.requestToPay(reference, requestToPayBody(payer, "5")).status()).isEqualTo(202);
    }

    @Test
    void a_late_answer_still_creates_the_payment_so_a_resend_is_a_conflict() throws Exception {
        String payer = ordinaryMsisdn();
        mtn.control("POST", "/faults", """
                {"operation":"requesttopay","msisdn":"%s","times":1,"delayMs":1500,"delayAfterProcessing":true}"""
                .formatted(payer));
        String reference = newReference();
        Map<String, String> headers = mtn.productHeaders("collection");
        headers.put("X-Reference-Id", reference);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/sandbox/mtn/collection/v1_0/requesttopay"))
                .timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestToPayBody(payer, "5")));
        headers.forEach(request::header);

        Throwable timeout = null;
        try {
            HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            timeout = e;
        }

        assertThat(timeout).as("the client gave up waiting").isNotNull();
        assertThat(mtn.status("collection", "v1_0", "requesttopay", reference).status()).isEqualTo(200);
        assertThat(mtn.requestToPay(reference, requestToPayBody(payer, "5")).status()).isEqualTo(409);
    }

    @Test
    void a_dropped_connection_leaves_the_transaction_created_and_the_caller_without_an_answer() {
        String payer = ordinaryMsisdn();
        mtn.control("POST", "/faults", """
                {"operation":"requesttopay","msisdn":"%s","times":1,"dropConnection":true}""".formatted(payer));
        String reference = newReference();

        assertThatThrownBy(() -> mtn.requestToPay(reference, requestToPayBody(payer, "5")))
                .hasCauseInstanceOf(java.io.IOException.class);

        assertThat(mtn.status("collection", "v1_0", "requesttopay", reference).status()).isEqualTo(200);
        assertThat(mtn.requestToPay(reference, requestToPayBody(payer, "5")).status()).isEqualTo(409);
        JsonNode counted = mtn.control("GET", "/references", null).json().path("references").path(reference);
        assertThat(counted.path("created").asInt()).isEqualTo(1);
        assertThat(counted.path("requests").path("requesttopay").asInt()).isEqualTo(2);
    }

    @Test
    void a_status_query_can_be_answered_with_invalid_json() {
        String payer = ordinaryMsisdn();
        String reference = newReference();
        mtn.requestToPay(reference, requestToPayBody(payer, "5"));
        mtn.control("POST", "/faults", """
                {"operation":"requesttopay-status","msisdn":"%s","times":1,"invalidJson":true}""".formatted(payer));

        Response garbled = mtn.status("collection", "v1_0", "requesttopay", reference);

        assertThat(garbled.status()).isEqualTo(200);
        assertThat(garbled.body()).isEqualTo("{\"status\":\"SUCC");
    }

    @Test
    void a_delay_before_processing_slows_the_answer() {
        mtn.control("POST", "/faults", "{\"operation\":\"balance\",\"times\":1,\"delayMs\":300}");
        Map<String, String> headers = mtn.productHeaders("collection");

        long started = System.nanoTime();
        Response response = mtn.send("GET", "/sandbox/mtn/collection/v1_0/account/balance", headers, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void token_faults_can_target_one_product() {
        mtn.control("POST", "/faults", "{\"operation\":\"disbursement/token\",\"times\":1,\"httpStatus\":503}");

        assertThat(mtn.requestToken("collection", MtnSandboxClient.basic(MtnSandboxClient.API_USER,
                MtnSandboxClient.API_KEY)).status()).isEqualTo(200);
        assertThat(mtn.requestToken("disbursement", MtnSandboxClient.basic(MtnSandboxClient.API_USER,
                MtnSandboxClient.API_KEY)).status()).isEqualTo(503);
    }

    @Test
    void requests_are_counted_per_operation_and_per_number() {
        mtn.resetControl();
        String payer = ordinaryMsisdn();
        String reference = newReference();

        mtn.requestToPay(reference, requestToPayBody(payer, "5"));
        mtn.status("collection", "v1_0", "requesttopay", reference);
        mtn.status("collection", "v1_0", "requesttopay", reference);

        assertThat(mtn.requests("token", null)).isEqualTo(3);
        assertThat(mtn.requests("collection/token", null)).isEqualTo(3);
        assertThat(mtn.requests("requesttopay", payer)).isEqualTo(1);
        assertThat(mtn.requests("requesttopay-status", payer)).isEqualTo(2);
        assertThat(mtn.requests("requesttopay", ordinaryMsisdn())).isZero();

        mtn.control("DELETE", "/stats", null);
        assertThat(mtn.requests("requesttopay", null)).isZero();
    }

    @Test
    void the_current_behaviour_shows_the_hits_left_and_delete_clears_it() {
        mtn.control("PUT", "", """
                {"latencyMs":5,"faults":[{"operation":"transfer","times":2,"httpStatus":503}],
                 "settings":{"callback-delay":"50ms"}}""");

        JsonNode behaviour = mtn.control("GET", "", null).json();
        mtn.resetControl();
        JsonNode cleared = mtn.control("GET", "", null).json();

        assertThat(behaviour.get("latencyMs").asLong()).isEqualTo(5);
        assertThat(behaviour.get("faults").get(0).get("times").asInt()).isEqualTo(2);
        assertThat(behaviour.get("settings").get("callback-delay").asText()).isEqualTo("50ms");
        assertThat(cleared.get("faults")).isEmpty();
        assertThat(cleared.get("latencyMs").asLong()).isZero();
    }

    @Test
    void invalid_control_requests_are_refused() {
        Response badFault = mtn.control("PUT", "", "{\"faults\":[{\"operation\":\"token\",\"httpStatus\":200}]}");
        Response badSetting = mtn.control("PUT", "", "{\"settings\":{\"token-tll\":\"2s\"}}");
        Response unknownSimulator = mtn.send("GET", "/sandbox/control/airtel", Map.of(), null);

        assertThat(badFault.status()).isEqualTo(400);
        assertThat(badFault.json().get("code").asText()).isEqualTo("INVALID_SANDBOX_CONTROL");
        assertThat(badSetting.status()).isEqualTo(400);
        assertThat(badSetting.json().get("error").asText()).contains("token-tll");
        assertThat(unknownSimulator.status()).isEqualTo(404);
    }
}
