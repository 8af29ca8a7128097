package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.RawHttp;
import io.mmg.gateway.web.HostileCorpus.Fixture;
import io.mmg.gateway.web.HostileCorpus.HostileRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hundreds of hostile requests across every endpoint (HostileCorpus): bodies, headers, query strings, paths,
 * payout files and callbacks. Whatever comes, the gateway answers without a 5xx, every refusal is in its one error
 * format with a known code, and no request header (nor the caller's key) comes back in the answer.
 */
class HostileInputCorpusTest extends GatewayApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> PROBE_HEADERS = Set.of("x-probe-secret", "cookie", "authorization");

    @TestFactory
    Stream<DynamicTest> no_hostile_request_gets_a_5xx_another_error_format_or_its_own_headers_back() {
        String phone = Phones.uganda();
        String paymentId = collect(phone, "1000").json().path("id").asText();
        String batchId = http.send("POST", "/api/v1/disbursement-batches", "external_id,phone_number,amount\nA,x,1\n",
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv")).json().path("id").asText();
        List<HostileRequest> corpus = HostileCorpus.build(new Fixture(apiKey, "test-admin-key", paymentId, batchId, phone));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);

        RawHttp raw = new RawHttp(port);
        return corpus.stream().map(request -> dynamicTest(request.name(), () -> check(raw, request)));
    }

    private void check(RawHttp raw, HostileRequest request) throws Exception {
        String probe = "probe-" + UUID.randomUUID();
        RawHttp.Answer answer;
        if (request.raw() != null) {
            answer = raw.exchange(request.raw());
        } else {
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            headers.put("X-Probe-Secret", probe);
            headers.putIfAbsent("Cookie", "session=" + probe);
            answer = raw.send(request.method(), request.target(), headers, request.body());
        }

        assertThat(answer.status()).as("%s answered %s", request, answer).isLessThan(500);
        if (request.framingBroken()) {
            assertThat(answer.status()).as("%s answered %s", request, answer).isEqualTo(400);
        } else if (answer.status() >= 400) {
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.isObject() && body.path("error").isTextual()).as("error format of %s", answer).isTrue();
            assertThat(body.path("code").asText()).as("code of %s", answer).isIn(CODES);
        }
        assertThat(answer.headers().keySet()).as("headers of %s", answer).doesNotContainAnyElementsOf(PROBE_HEADERS);
        assertThat(answer.headers().values()).as("header values of %s", answer)
                .noneMatch(value -> value.contains(probe) || value.contains(apiKey));
    }
}
