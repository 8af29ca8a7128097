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
    void a_remittance_mtn_keeps_pending_for_a_while_ends_successful() {
        HttpResponseView created = http.post("/api/v1/remittances", apiKey,
                "{\"amount\":\"7\",\"currency\":\"EUR\",\"phoneNumber\":\"46733123453\"}");

        JsonNode done = awaitStatus(created.json().path("id").asText(), "SUCCESSFUL");

        assertThat(done.path("financialTransactionId").asText()).isNotBlank();
    }

    @Test
    void a_remittance_failure_from_mtn_is_the_payments_reason() {
        HttpResponseView created = http.post("/api/v1/remittances", apiKey,
                "{\"amount\":\"7\",\"phoneNumber\":\"46733123455\"}");

        assertThat(awaitStatus(created.json().path("id").asText(), "FAILED").path("reason").asText())
                .isEqualTo("NOT_ENOUGH_FUNDS");
    }
}
