package io.mmg.gateway.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;

/** MTN Remittance transfers end to end, through the Remittance product's own key, token and route. */
class RemittanceFlowTest extends GatewayApiTest {

    @Test
    void a_remittance_is_sent_as_a_remittance_transfer_and_completed_by_the_callback() {
        String phone = Phones.uganda();

        HttpResponseView created = http.post("/api/v1/remittances", apiKey,
                "{\"amount\":\"100000\",\"phoneNumber\":\"" + phone + "\",\"payerMessage\":\"Family support\"}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("type").asText()).isEqualTo("REMITTANCE");
        assertThat(created.json().path("product").asText()).isEqualTo("REMITTANCE");
        String id = created.json().path("id").asText();
        assertThat(mtn.transaction(id).path("product").asText()).isEqualToIgnoringCase("REMITTANCE");
        assertThat(mtn.requests("remittance/transfer", phone)).isEqualTo(1);

        awaitStatus(id, "SUCCESSFUL");
    }

    @Test
    void a_remittance_whose_callback_is_lost_is_asked_about_at_the_remittance_transfer_resource() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"remittance/transfer\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String id = http.post("/api/v1/remittances", apiKey, "{\"amount\":\"5000\",\"phoneNumber\":\"" + phone + "\"}")
                .json().path("id").asText();

        JsonNode done = awaitRefreshedStatus(id, "SUCCESSFUL");

        assertThat(done.path("financialTransactionId").asText()).isNotBlank();
        assertThat(mtn.requests("remittance/transfer-status", phone)).isPositive();
    }

    @Test
    void a_remittance_failure_from_mtn_is_the_payments_reason() {
        HttpResponseView created = http.post("/api/v1/remittances", apiKey,
                "{\"amount\":\"7\",\"phoneNumber\":\"46733123455\"}");

        assertThat(awaitStatus(created.json().path("id").asText(), "FAILED").path("reason").asText())
                .isEqualTo("NOT_ENOUGH_FUNDS");
    }
}
