package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.security.ClientDirectory;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import org.junit.jupiter.api.Test;

class ClientIsolationTest extends GatewayApiTest {

    @Test
    void a_merchant_cannot_see_another_merchants_payments() {
        String alice = TestMerchants.newApiKey(clients);
        String bob = TestMerchants.newApiKey(clients);
        String id = http.post("/api/v1/collections", alice, "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}")
                .json().path("id").asText();

        HttpResponseView bobReads = http.get("/api/v1/payments/" + id, bob);
        HttpResponseView bobHistory = http.get("/api/v1/payments/" + id + "/events", bob);

        assertThat(http.get("/api/v1/payments/" + id, alice).status()).isEqualTo(200);
        assertThat(bobReads.status()).isEqualTo(404);
        assertThat(bobReads.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(bobHistory.status()).isEqualTo(404);
        assertThat(http.get("/api/v1/payments", bob).json().path("total").asInt()).isZero();
    }

    @Test
    void requests_without_a_valid_key_are_unauthorised() {
        for (HttpResponseView response : new HttpResponseView[] {
                http.get("/api/v1/payments", null),
                http.get("/api/v1/payments", "sk_live_not_a_key"),
                http.post("/api/v1/collections", "", "{}")}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void a_revoked_key_stops_working() {
        ClientDirectory.IssuedKey issued = clients.createClient("revoked");
        assertThat(http.get("/api/v1/payments", issued.apiKey()).status()).isEqualTo(200);

        clients.revokeKey(issued.clientId(), issued.keyId());

        assertThat(http.get("/api/v1/payments", issued.apiKey()).status()).isEqualTo(401);
    }
}
