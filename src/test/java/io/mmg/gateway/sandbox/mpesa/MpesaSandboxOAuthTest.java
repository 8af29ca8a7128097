package io.mmg.gateway.sandbox.mpesa;

import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.CONSUMER_KEY;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.CONSUMER_SECRET;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Daraja's OAuth (docs/providers.md#daraja-oauth) and its guard on every other call (docs/providers.md#daraja-simulator-checks). */
class MpesaSandboxOAuthTest extends MpesaSandboxIntegrationTest {

    @Test
    void a_token_is_an_opaque_28_character_string_and_its_lifetime_a_string_of_seconds() {
        HttpResponseView response = daraja.requestToken(basic(CONSUMER_KEY, CONSUMER_SECRET), "client_credentials");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("access_token").asText()).matches("[A-Za-z0-9]{28}");
        assertThat(body.get("expires_in").isTextual()).isTrue();
        assertThat(body.get("expires_in").asText()).isEqualTo("3599");
    }

    @Test
    void wrong_credentials_and_a_wrong_grant_type_are_refused_with_their_codes() {
        HttpResponseView wrongSecret = daraja.requestToken(basic(CONSUMER_KEY, "guess"), "client_credentials");
        HttpResponseView wrongGrant = daraja.requestToken(basic(CONSUMER_KEY, CONSUMER_SECRET), "password");

        assertThat(wrongSecret.status()).isEqualTo(400);
        assertThat(wrongSecret.json().get("errorCode").asText()).isEqualTo("400.008.01");
        assertThat(wrongGrant.status()).isEqualTo(400);
        assertThat(wrongGrant.json().get("errorCode").asText()).isEqualTo("400.008.02");
        assertThat(wrongGrant.json().get("requestId").asText()).isNotBlank();
    }

    @Test
    void a_call_without_a_valid_bearer_token_is_404_invalid_access_token() {
        HttpResponseView response = daraja.post("/mpesa/stkpush/v1/processrequest", Map.of(), "Bearer not-a-token");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("errorCode").asText()).isEqualTo("404.001.03");
        assertThat(response.json().get("errorMessage").asText()).isEqualTo("Invalid Access Token");
    }

    @Test
    void when_set_to_a_new_token_invalidates_the_previous_one() {
        daraja.control("PUT", "", "{\"settings\":{\"token-invalidates-previous\":\"true\"}}");
        String first = daraja.token();
        daraja.token();

        HttpResponseView withFirst = daraja.post("/mpesa/accountbalance/v1/query", Map.of(), "Bearer " + first);

        assertThat(withFirst.json().get("errorCode").asText()).isEqualTo("404.001.03");
    }

    @Test
    void the_wrong_method_and_an_unknown_path_get_darajas_envelopes() {
        HttpResponseView get = daraja.send("GET", "/sandbox/mpesa/mpesa/stkpush/v1/processrequest", Map.of(), null);
        HttpResponseView unknown = daraja.send("POST", "/sandbox/mpesa/mpesa/nothing/v1/here", Map.of(), "{}");

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("errorCode").asText()).isEqualTo("405.001");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errorCode").asText()).isEqualTo("404.001.01");
    }
}
