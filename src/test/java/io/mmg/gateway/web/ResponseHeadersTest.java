package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An answer carries only the headers the gateway means to send (web/ResponseHeaderAllowList): every REST endpoint,
 * enumerated from the CamelContext, and the OpenAPI document are called with probe headers, and none comes back.
 */
class ResponseHeadersTest extends GatewayApiTest {

    private static final String ADMIN_KEY = "test-admin-key";

    @Autowired
    CamelContext camel;

    @Test
    void no_endpoint_sends_a_request_header_back() {
        String paymentId = collect(Phones.uganda(), "1000").json().path("id").asText();
        List<String[]> endpoints = endpoints(paymentId);
        assertThat(endpoints).hasSizeGreaterThan(50);
        RawHttp raw = new RawHttp(port);

        for (String[] endpoint : endpoints) {
            String probe = "probe-" + UUID.randomUUID();
            String key = endpoint[1].startsWith("/api/v1/admin") || endpoint[1].equals("/api/v1/balances") ? ADMIN_KEY : apiKey;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + key);
            headers.put("Cookie", "session=" + probe);
            headers.put("X-Probe-Secret", probe);
            boolean csv = endpoint[1].equals("/api/v1/disbursement-batches") && endpoint[0].equals("POST");
            headers.put("Content-Type", csv ? "text/csv" : "application/json");
            byte[] body = endpoint[0].equals("GET") || endpoint[0].equals("DELETE") ? null
                    : (csv ? "external_id,phone_number,amount\nA,x,1\n" : "{}").getBytes(StandardCharsets.UTF_8);

            RawHttp.Answer answer = raw.send(endpoint[0], endpoint[1], headers, body);

            assertThat(answer.headers().keySet()).as("%s %s: %s", endpoint[0], endpoint[1], answer)
                    .doesNotContain("authorization", "cookie", "x-probe-secret", "set-cookie");
            assertThat(answer.headers().values()).as("%s %s: %s", endpoint[0], endpoint[1], answer)
                    .noneMatch(value -> value.contains(probe) || value.contains(key));
        }
    }

    @Test
    void the_headers_the_gateway_means_to_send_still_go_out() {
        String body = "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        http.post("/api/v1/collections", apiKey, body, key);

        HttpResponseView replayed = http.post("/api/v1/collections", apiKey, body, key);

        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    }

    /** Every verb of every REST definition (the OpenAPI document's too) as {method, path}, path parameters filled in. */
    private List<String[]> endpoints(String paymentId) {
        List<String[]> endpoints = new ArrayList<>();
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = rest.getPath() + (verb.getPath() == null ? "" : verb.getPath());
                String filled = path.replaceAll("\\{(id|paymentId|reference_id|transaction_id)}", paymentId)
                        .replace("{phoneNumber}", Phones.uganda())
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                endpoints.add(new String[] {verb.asVerb().toUpperCase(), filled});
            }
        }
        return endpoints;
    }
}
