package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Secrets, tokens and full phone numbers never reach the logs, whatever goes wrong. */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends GatewayApiTest {

    @Test
    void failures_are_logged_without_phone_numbers_keys_or_tokens(CapturedOutput output) {
        String retried = Phones.uganda();
        String timedOut = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + retried + "\",\"times\":1,\"httpStatus\":503}");
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + timedOut + "\",\"times\":3,\"delayMs\":2000}");

        http.post("/api/v1/collections", apiKey, "{\"amount\":\"1000\",\"phoneNumber\":\"" + retried + "\"}");
        String timedOutId = http.post("/api/v1/collections", apiKey, "{\"amount\":\"1000\",\"phoneNumber\":\"" + timedOut + "\"}")
                .json().path("id").asText();
        String failedId = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"phoneNumber\":\"46733123455\"}")
                .json().path("id").asText();
        http.post("/api/v1/collections", apiKey, "{\"amount\":\"1\",\"phoneNumber\":\"256700999888\"}");
        http.post("/api/v1/collections", "sk_live_wrong_key_123", "{}");
        String callbackUrl = mtn.transaction(failedId).path("callbackUrl").asText();
        String token = callbackUrl.substring(callbackUrl.indexOf("token=") + 6);
        http.send("PUT", "/callbacks/mtn/" + timedOutId + "?token=" + token, "{\"status\":\"SUCCESSFUL\"}",
                Map.of("Content-Type", "application/json"));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get("/api/v1/payments/" + failedId, apiKey).json().path("status").asText().equals("FAILED"));

        assertThat(output.getAll())
                .contains("Provider call")                // something was logged, so the check means something
                .doesNotContain(retried, timedOut, "46733123455", "256700999888")
                .doesNotContain(apiKey, "sk_live_wrong_key_123", token)
                .doesNotContain("Bearer ey", "Basic ");
    }
}
