package io.mmg.gateway.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /balances (admin key): each MTN product account's balance, each through its own product route. */
class BalanceTest extends GatewayApiTest {

    private static final String ADMIN_KEY = "test-admin-key";

    @AfterEach
    void clearFaults() {
        mtn.reset();
    }

    @Test
    void the_operator_sees_the_balance_of_every_mtn_product() {
        HttpResponseView answer = http.get("/api/v1/balances", ADMIN_KEY);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("targetEnvironment").asText()).isEqualTo("sandbox");
        assertThat(body.path("balances").findValuesAsText("product"))
                .containsExactly("COLLECTION", "DISBURSEMENT", "REMITTANCE");
        for (JsonNode balance : body.path("balances")) {
            assertThat(balance.path("availableBalance").isTextual()).isTrue();
            assertThat(balance.path("currency").asText()).isEqualTo("EUR");
        }
    }

    @Test
    void a_product_that_cannot_answer_does_not_hide_the_others() {
        mtn.addFault("{\"operation\":\"remittance/balance\",\"times\":1,\"httpStatus\":503}");

        JsonNode balances = http.get("/api/v1/balances", ADMIN_KEY).json().path("balances");

        assertThat(balances.get(0).path("availableBalance").asText()).isNotBlank();
        assertThat(balances.get(1).path("availableBalance").asText()).isNotBlank();
        assertThat(balances.get(2).path("error").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(balances.get(2).has("availableBalance")).isFalse();
    }

    @Test
    void balances_are_for_the_operator_only() {
        assertThat(http.get("/api/v1/balances", apiKey).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/balances", null).json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }
}
