package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.newReference;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.requestToPayBody;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.transferBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.mtn.MtnSandboxClient.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MtnSandboxMagicNumbersTest extends MtnSandboxIntegrationTest {


    @ParameterizedTest(name = "a request to pay from {0} fails with {1}")
    @CsvSource({
            "46733123450, INTERNAL_PROCESSING_ERROR",
            "46733123451, APPROVAL_REJECTED",
            "46733123452, EXPIRED",
            "46733123455, PAYER_NOT_FOUND",
            "46733123456, PAYEE_NOT_ALLOWED_TO_RECEIVE",
            "46733123457, NOT_ALLOWED",
            "46733123458, NOT_ALLOWED_TARGET_ENVIRONMENT",
            "46733123459, INVALID_CALLBACK_URL_HOST",
            "46733123460, INVALID_CURRENCY",
            "46733123461, INTERNAL_PROCESSING_ERROR",
            "46733123462, SERVICE_UNAVAILABLE",
            "46733123463, COULD_NOT_PERFORM_TRANSACTION",
            "46733123464, NOT_ALLOWED"})
    void each_failing_sandbox_number_is_accepted_then_fails_with_its_reason(String payer, String reason) {
        String reference = newReference();

        Response accepted = mtn.requestToPay(reference, requestToPayBody(payer, "5"));
        JsonNode status = mtn.awaitFinal("collection", "v1_0", "requesttopay", reference);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("reason").asText()).isEqualTo(reason);
        assertThat(status.has("financialTransactionId")).isFalse();
    }

    @Test
    void the_ongoing_number_is_pending_first_then_successful() {
        String reference = newReference();
        Instant sent = Instant.now();
        mtn.requestToPay(reference, requestToPayBody("46733123453", "5"));

        JsonNode first = mtn.status("collection", "v1_0", "requesttopay", reference).json();
        JsonNode last = mtn.awaitFinal("collection", "v1_0", "requesttopay", reference);

        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(last.get("status").asText()).isEqualTo("SUCCESSFUL");
        // ongoing-duration is 4s in the test profile, well beyond the 100ms callback delay
        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void the_delayed_number_stays_pending() throws InterruptedException {
        String reference = newReference();
        mtn.requestToPay(reference, requestToPayBody("46733123454", "5"));

        Thread.sleep(300);  // three callback delays

        assertThat(mtn.status("collection", "v1_0", "requesttopay", reference).json().get("status").asText())
                .isEqualTo("PENDING");
    }

    @ParameterizedTest(name = "a transfer to {0} fails with {1}")
    @CsvSource({
            "46733123455, NOT_ENOUGH_FUNDS",
            "46733123456, PAYER_LIMIT_REACHED",
            "46733123457, PAYEE_NOT_FOUND",
            "46733123463, SERVICE_UNAVAILABLE"})
    void transfers_play_their_own_row(String payee, String reason) {
        String reference = newReference();
        mtn.create("disbursement", "v1_0", "transfer", reference, transferBody(payee, "5"), null);

        assertThat(mtn.awaitFinal("disbursement", "v1_0", "transfer", reference).get("reason").asText())
                .isEqualTo(reason);
    }

    @ParameterizedTest(name = "account holder {0} answers {1} {2}")
    @CsvSource({
            "46733123450, 404, RESOURCE_NOT_FOUND",
            "46733123452, 500, NOT_ALLOWED",
            "46733123453, 500, NOT_ALLOWED_TARGET_ENVIRONMENT",
            "46733123454, 500, INTERNAL_PROCESSING_ERROR",
            "46733123455, 503, SERVICE_UNAVAILABLE"})
    void account_holder_numbers_answer_errors(String msisdn, int status, String code) {
        Response response = mtn.get("collection", "v1_0/accountholder/msisdn/" + msisdn + "/active");

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    @Test
    void an_account_holder_is_active_unless_a_sandbox_number_says_otherwise() {
        assertThat(mtn.get("disbursement", "v1_0/accountholder/msisdn/256772123456/active").json()
                .get("result").asBoolean()).isTrue();
        assertThat(mtn.get("collection", "v1_0/accountholder/msisdn/46733123451/active").json()
                .get("result").asBoolean()).isFalse();
        assertThat(mtn.get("remittance", "v1_0/accountholder/email/notfound@email.com/active").status())
                .isEqualTo(404);
    }

    @Test
    void basic_user_info_is_the_sandbox_person() {
        JsonNode info = mtn.get("collection", "v1_0/accountholder/msisdn/256772123456/basicuserinfo").json();

        assertThat(info.get("given_name").asText()).isEqualTo("Sand");
        assertThat(info.get("family_name").asText()).isEqualTo("Box");
    }
}
