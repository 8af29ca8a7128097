package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.basic;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.newReference;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.sandbox.mtn.MtnSandboxClient.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MtnSandboxProvisioningTest extends MtnSandboxIntegrationTest {

    private static final Map<String, String> KEY = Map.of("Ocp-Apim-Subscription-Key", "sandbox-remittance-key");


    private Response createUser(String id, String body) {
        return mtn.send("POST", "/sandbox/mtn/v1_0/apiuser",
                Map.of("Ocp-Apim-Subscription-Key", "sandbox-collection-key", "X-Reference-Id", id), body);
    }

    @Test
    void a_new_api_user_gets_a_key_and_can_fetch_tokens() {
        String user = newReference();

        Response created = createUser(user, "{\"providerCallbackHost\": \"webhook.example\"}");
        Response key = mtn.send("POST", "/sandbox/mtn/v1_0/apiuser/" + user + "/apikey", KEY, null);
        Response read = mtn.send("GET", "/sandbox/mtn/v1_0/apiuser/" + user, KEY, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        assertThat(key.status()).isEqualTo(201);
        String apiKey = key.json().get("apiKey").asText();
        assertThat(apiKey).matches("[0-9a-f]{32}");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("providerCallbackHost").asText()).isEqualTo("webhook.example");
        assertThat(read.json().get("targetEnvironment").asText()).isEqualTo("sandbox");
        assertThat(mtn.requestToken("disbursement", basic(user, apiKey)).status()).isEqualTo(200);
    }

    @Test
    void a_reused_user_id_is_a_conflict() {
        String user = newReference();
        createUser(user, "{\"providerCallbackHost\": \"webhook.example\"}");

        Response again = createUser(user, "{\"providerCallbackHost\": \"webhook.example\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("RESOURCE_ALREADY_EXIST");
    }

    @Test
    void a_user_id_must_be_a_version_4_uuid_and_the_host_is_required() {
        assertThat(createUser("c9a5f0e2-a9b4-11ee-8c90-0242ac120002", "{\"providerCallbackHost\": \"a.b\"}").status())
                .isEqualTo(400);
        assertThat(createUser(newReference(), "{}").status()).isEqualTo(400);
    }

    @Test
    void an_unknown_user_has_no_key_and_no_details() {
        String unknown = newReference();

        assertThat(mtn.send("POST", "/sandbox/mtn/v1_0/apiuser/" + unknown + "/apikey", KEY, null).status())
                .isEqualTo(404);
        assertThat(mtn.send("GET", "/sandbox/mtn/v1_0/apiuser/" + unknown, KEY, null).json().get("code").asText())
                .isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void provisioning_needs_a_subscription_key() {
        Response response = mtn.send("POST", "/sandbox/mtn/v1_0/apiuser", Map.of("X-Reference-Id", newReference()),
                "{\"providerCallbackHost\": \"a.b\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("statusCode").asInt()).isEqualTo(401);
        assertThat(response.json().get("message").asText()).startsWith("Access denied due to missing subscription key");
    }
}
