package io.mmg.gateway.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MTN Disbursement transfers end to end: the same lifecycle as collections, through the Disbursement product. */
class DisbursementFlowTest extends GatewayApiTest {

    @Test
    void a_disbursement_is_sent_as_a_disbursement_transfer_and_completed_by_the_callback() {
        String phone = Phones.uganda();

        HttpResponseView created = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"25000\",\"phoneNumber\":\"" + phone + "\",\"externalId\":\"salary-7\",\"payeeNote\":\"Salary\"}");

        assertThat(created.status()).isEqualTo(202);
        JsonNode payment = created.json();
        assertThat(payment.path("type").asText()).isEqualTo("DISBURSEMENT");
        assertThat(payment.path("product").asText()).isEqualTo("DISBURSEMENT");
        assertThat(payment.get("refundedAmount").isNull()).as("only a collection can be refunded").isTrue();
        String id = payment.path("id").asText();
        JsonNode sent = mtn.transaction(id);
        assertThat(sent.path("product").asText()).isEqualToIgnoringCase("DISBURSEMENT");
        assertThat(sent.path("resource").asText()).isEqualTo("transfer");
        assertThat(mtn.requests("disbursement/transfer", phone)).isEqualTo(1);

        JsonNode done = awaitStatus(id, "SUCCESSFUL");
        assertThat(done.path("financialTransactionId").asText()).matches("\\d{9,10}");
    }

    @ParameterizedTest(name = "payee {0} ends FAILED with {1}")
    @CsvSource({
            "46733123455, NOT_ENOUGH_FUNDS",
            "46733123456, PAYER_LIMIT_REACHED",
            "46733123457, PAYEE_NOT_FOUND",
            "46733123451, PAYMENT_NOT_APPROVED"})
    void the_sandbox_transfer_numbers_fail_the_disbursement_with_their_reason(String phone, String reason) {
        HttpResponseView created = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"5\",\"phoneNumber\":\"" + phone + "\"}");
        assertThat(created.status()).isEqualTo(202);

        JsonNode failed = awaitStatus(created.json().path("id").asText(), "FAILED");

        assertThat(failed.path("reason").asText()).isEqualTo(reason);
    }

    @Test
    void a_disbursement_whose_callback_is_lost_is_asked_about_at_the_transfer_resource() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"disbursement/transfer\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");

        String id = http.post("/api/v1/disbursements", apiKey, "{\"amount\":\"3000\",\"phoneNumber\":\"" + phone + "\"}")
                .json().path("id").asText();

        awaitRefreshedStatus(id, "SUCCESSFUL");
        assertThat(mtn.requests("disbursement/transfer-status", phone)).isPositive();
    }

    @Test
    void a_disbursement_refused_with_a_forbidden_ip_is_a_provider_error_and_not_retried() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"disbursement/transfer\",\"msisdn\":\"" + phone + "\",\"times\":3,\"httpStatus\":403}");

        HttpResponseView refused = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"3000\",\"phoneNumber\":\"" + phone + "\"}");

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(refused.json().path("details").path("payment").path("status").asText()).isEqualTo("FAILED");
        assertThat(mtn.requests("disbursement/transfer", phone)).isEqualTo(1);
    }
}
