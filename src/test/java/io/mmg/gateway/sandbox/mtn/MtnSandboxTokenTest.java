package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.API_KEY;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.API_USER;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.basic;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.subscriptionKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.mtn.MtnSandboxClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MtnSandboxTokenTest extends MtnSandboxIntegrationTest {


    private Response balance(String product, String token) {
        return mtn.send("GET", "/sandbox/mtn/" + product + "/v1_0/account/balance", Map.of(
                "Authorization", "Bearer " + token,
                "Ocp-Apim-Subscription-Key", subscriptionKey(product),
                "X-Target-Environment", "sandbox"), null);
    }

    @Test
    void the_api_user_gets_a_one_hour_access_token() {
        Response response = mtn.requestToken("collection", basic(API_USER, API_KEY));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("token_type").asText()).isEqualTo("access_token");
        assertThat(body.get("expires_in").isInt()).isTrue();
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("access_token").asText()).startsWith("eyJ0eXAiOiJKV1QiLCJhbGciOiJSMjU2In0.")
                .matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void the_trailing_slash_and_an_empty_json_body_are_optional() {
        Response response = mtn.send("POST", "/sandbox/mtn/remittance/token", Map.of(
                "Authorization", basic(API_USER, API_KEY),
                "Ocp-Apim-Subscription-Key", subscriptionKey("remittance")), "{}");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void a_wrong_api_key_is_a_failed_login() {
        Response response = mtn.requestToken("collection", basic(API_USER, "wrong"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("login_failed");
    }

    @Test
    void another_products_subscription_key_is_refused_by_api_management() {
        Response response = mtn.send("POST", "/sandbox/mtn/collection/token/", Map.of(
                "Authorization", basic(API_USER, API_KEY),
                "Ocp-Apim-Subscription-Key", subscriptionKey("disbursement")), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("message").asText())
                .startsWith("Access denied due to invalid subscription key");
    }

    @Test
    void a_token_works_for_its_own_product_only() {
        String collectionToken = mtn.token("collection");

        assertThat(balance("collection", collectionToken).status()).isEqualTo(200);
        assertThat(balance("disbursement", collectionToken).status()).isEqualTo(401);
    }

    @Test
    void an_unknown_bearer_token_is_unauthorised() {
        assertThat(balance("collection", "eyJhbGciOi.not.issued").status()).isEqualTo(401);
    }

    @Test
    void a_token_expires_after_the_configured_lifetime() {
        mtn.control("PUT", "", "{\"settings\": {\"token-ttl\": \"1s\"}}");
        Response issued = mtn.requestToken("collection", basic(API_USER, API_KEY));
        String token = issued.json().get("access_token").asText();

        assertThat(issued.json().get("expires_in").asInt()).isEqualTo(1);
        assertThat(balance("collection", token).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> balance("collection", token).status() == 401);
    }

    @Test
    void a_target_environment_other_than_sandbox_is_not_allowed() {
        Response response = mtn.send("POST", "/sandbox/mtn/collection/token/", Map.of(
                "Authorization", basic(API_USER, API_KEY),
                "Ocp-Apim-Subscription-Key", subscriptionKey("collection"),
                "X-Target-Environment", "mtnuganda"), null);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_ALLOWED_TARGET_ENVIRONMENT");
    }
}
