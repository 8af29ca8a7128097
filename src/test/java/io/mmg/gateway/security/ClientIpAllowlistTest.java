package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import org.junit.jupiter.api.Test;

/** A merchant's API keys work only from its allowlisted addresses, when it has any (the tests connect locally). */
class ClientIpAllowlistTest extends GatewayApiTest {

    private HttpResponseView readFromIpv4(ClientSettingsAdmin merchant) {
        return http.get("http://127.0.0.1:" + port + "/api/v1/payments", merchant.apiKey());
    }

    private HttpResponseView readFromIpv6(ClientSettingsAdmin merchant) {
        return http.get("http://[::1]:" + port + "/api/v1/payments", merchant.apiKey());
    }

    @Test
    void an_empty_allowlist_allows_every_address() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http).withSettings("{\"allowedSources\": []}");

        assertThat(readFromIpv4(merchant).status()).isEqualTo(200);
        assertThat(readFromIpv6(merchant).status()).isEqualTo(200);
    }

    @Test
    void an_ipv4_range_lets_its_addresses_in_and_keeps_others_out() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http)
                .withSettings("{\"allowedSources\": [\"127.0.0.0/8\"]}");

        HttpResponseView fromIpv6 = readFromIpv6(merchant);

        assertThat(readFromIpv4(merchant).status()).isEqualTo(200);
        assertThat(fromIpv6.status()).isEqualTo(403);
        assertThat(fromIpv6.json().path("code").asText()).isEqualTo("IP_NOT_ALLOWED");
    }

    @Test
    void an_ipv6_address_lets_it_in_and_keeps_ipv4_out() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http)
                .withSettings("{\"allowedSources\": [\"::1/128\"]}");

        assertThat(readFromIpv6(merchant).status()).isEqualTo(200);
        assertThat(readFromIpv4(merchant).status()).isEqualTo(403);
    }

    @Test
    void an_allowlist_without_the_callers_address_refuses_it_with_403() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http)
                .withSettings("{\"allowedSources\": [\"203.0.113.0/24\", \"2001:db8::/32\"]}");

        HttpResponseView refused = readFromIpv4(merchant);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("IP_NOT_ALLOWED");
        assertThat(http.get("/api/v1/admin/clients/" + merchant.clientId() + "/settings", ClientSettingsAdmin.ADMIN)
                .json().path("allowedSources").toString()).isEqualTo("[\"203.0.113.0/24\",\"2001:db8::/32\"]");
    }

    @Test
    void invalid_cidrs_are_refused_by_the_admin_api_with_400() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);

        for (String entry : new String[] {"\"10.0.0.0/33\"", "\"2001:db8::/129\"", "\"example.com\"",
                "\"10.0.0.1/x\"", "\"300.1.1.1\"", "\"10.0.0.0/8, 11.0.0.0/8\"", "42", "\"\""}) {
            HttpResponseView answer = merchant.putSettings("{\"allowedSources\": [" + entry + "]}");
            assertThat(answer.status()).as(entry).isEqualTo(400);
            assertThat(answer.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(answer.json().path("details").path("field").asText()).isEqualTo("allowedSources");
        }
        assertThat(merchant.putSettings("{\"allowedSources\": \"10.0.0.0/8\"}").status()).isEqualTo(400);
    }
}
