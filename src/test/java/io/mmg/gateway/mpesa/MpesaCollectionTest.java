package io.mmg.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;

/** M-Pesa collections by STK push end to end: gateway, PostgreSQL and the Daraja simulator over HTTP. */
class MpesaCollectionTest extends GatewayApiTest {

    @Test
    void a_collection_from_a_kenyan_number_is_an_stk_push_completed_by_its_callback_with_the_receipt() {
        String phone = Phones.kenya();

        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"150\",\"phoneNumber\":\"" + phone + "\",\"externalId\":\"invoice-7\"}");

        assertThat(created.status()).isEqualTo(202);
        JsonNode payment = created.json();
        assertThat(payment.path("provider").asText()).isEqualTo("MPESA");
        assertThat(payment.path("product").asText()).isEqualTo("STK_PUSH");
        assertThat(payment.path("currency").asText()).isEqualTo("KES");
        String id = payment.path("id").asText();

        JsonNode done = awaitStatus(id, "SUCCESSFUL");
        JsonNode push = mpesa.latestOf(phone);
        assertThat(done.path("financialTransactionId").asText()).isEqualTo(push.path("receipt").asText())
                .matches("[A-Z][A-Z0-9]{9}");
        assertThat(jdbc.queryForObject("SELECT provider_reference FROM payment WHERE id = ?::uuid", String.class, id))
                .isEqualTo(push.path("id").asText()).startsWith("ws_CO_");
    }
}
