package io.mmg.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.Phones;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** M-Pesa's callback URLs carry secrets and its bodies phone numbers: neither reaches the logs. */
@ExtendWith(OutputCaptureExtension.class)
class MpesaLogHygieneTest extends GatewayApiTest {

    @Test
    void mpesa_failures_are_logged_without_phone_numbers_callback_secrets_or_tokens(CapturedOutput output) {
        String throttled = Phones.kenya();
        String timedOut = Phones.kenya();
        String forged = MpesaSandbox.customerWhoNeverAnswers();
        mpesa.fail("stkpush", throttled, 1, 500, "500.003.02");
        mpesa.answerLate("stkpush", timedOut, false);

        collect(throttled, "700");
        collect(timedOut, "701");
        String id = collect(forged, "702").json().path("id").asText();
        String callbackUrl = mpesa.latestOf(forged).path("callbackUrl").asText();
        String token = callbackUrl.substring(callbackUrl.indexOf("token=") + "token=".length());
        http.send("POST", "/callbacks/mpesa/" + id + "/stk?token=" + token, "{\"Body\":{\"stkCallback\":"
                + "{\"CheckoutRequestID\":\"ws_CO_other\",\"ResultCode\":0}}}", Map.of("Content-Type", "application/json"));

        assertThat(output.getAll())
                .contains("Provider call", "Rejected a MPESA callback")   // something was logged
                .doesNotContain(throttled, timedOut, forged, token, apiKey)
                .doesNotContain("Basic ", "sandboxMpesaSecret01", "U2FuZGJveEluaXRpYXRvclBhc3N3b3Jk");
    }
}
