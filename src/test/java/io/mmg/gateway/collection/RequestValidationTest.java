package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input of every field: a 4xx in the one error format, nothing stored, never a 500. */
class RequestValidationTest extends GatewayApiTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"amount\":\"1000\"}                                                   | INVALID_PHONE",
            "{\"amount\":\"1000\",\"phoneNumber\":\"\"}                              | INVALID_PHONE",
            "{\"amount\":\"1000\",\"phoneNumber\":256772123456}                      | INVALID_PHONE",
            "{\"amount\":\"1000\",\"phoneNumber\":\"07721234\"}                      | INVALID_PHONE",
            "{\"amount\":\"1000\",\"phoneNumber\":\"25677212345\"}                   | INVALID_PHONE",
            "{\"amount\":\"1000\",\"phoneNumber\":\"441234567890\"}                  | INVALID_PHONE",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772abc456\"}                  | INVALID_PHONE",
            "{\"phoneNumber\":\"256772123456\"}                                      | INVALID_AMOUNT",
            "{\"amount\":\"\",\"phoneNumber\":\"256772123456\"}                      | INVALID_AMOUNT",
            "{\"amount\":\"-5\",\"phoneNumber\":\"256772123456\"}                    | INVALID_AMOUNT",
            "{\"amount\":\"0\",\"phoneNumber\":\"256772123456\"}                     | INVALID_AMOUNT",
            "{\"amount\":\"1e5\",\"phoneNumber\":\"256772123456\"}                   | INVALID_AMOUNT",
            "{\"amount\":true,\"phoneNumber\":\"256772123456\"}                      | INVALID_AMOUNT",
            "{\"amount\":\"1000.50\",\"phoneNumber\":\"256772123456\"}               | INVALID_AMOUNT",
            "{\"amount\":\"10.555\",\"phoneNumber\":\"233244000000\"}                | INVALID_AMOUNT",
            "{\"amount\":\"999\",\"phoneNumber\":\"256772123456\"}                   | AMOUNT_TOO_LOW",
            "{\"amount\":\"4000001\",\"phoneNumber\":\"256772123456\"}               | AMOUNT_TOO_HIGH",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"currency\":\"KES\"} | INVALID_CURRENCY",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"currency\":\"ugx\"} | INVALID_CURRENCY",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"currency\":\"XYZ\"} | INVALID_CURRENCY",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"provider\":\"AIRTEL\"} | UNSUPPORTED_PROVIDER",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"provider\":\"MPESA\"} | UNSUPPORTED_PROVIDER",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"provider\":7}   | INVALID_REQUEST",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"externalId\":5} | INVALID_REQUEST",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"payerMessage\":\"It's\"} | INVALID_REQUEST",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"payeeNote\":[1]} | INVALID_REQUEST",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"metadata\":\"x\"} | INVALID_REQUEST",
            "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"amnt\":1}       | INVALID_REQUEST",
            "[]                                                                      | INVALID_REQUEST",
            "not json                                                                | INVALID_REQUEST",
            "{\"amount\":                                                            | INVALID_REQUEST"})
    void each_bad_field_gets_its_own_error_code(String body, String code) {
        HttpResponseView response = http.post("/api/v1/collections", apiKey, body.trim());

        assertErrorFormat(response, 400, code);
    }

    @Test
    void an_unknown_field_is_answered_with_every_field_a_payment_request_may_have() {
        HttpResponseView response = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"amnt\":1}");

        assertErrorFormat(response, 400, "INVALID_REQUEST");
        assertThat(response.json().path("details").path("unknownFields").toString()).isEqualTo("[\"amnt\"]");
        assertThat(response.json().path("details").path("allowedFields").toString()).isEqualTo("[\"amount\","
                + "\"currency\",\"externalId\",\"metadata\",\"payeeNote\",\"payerMessage\",\"paymentMethodId\","
                + "\"phoneNumber\",\"provider\"]");
    }

    @Test
    void texts_longer_than_the_provider_accepts_are_refused() {
        String longText = "x".repeat(161);
        HttpResponseView response = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\",\"payerMessage\":\"" + longText + "\"}");
        assertErrorFormat(response, 400, "INVALID_REQUEST");
        assertThat(response.json().path("details").path("field").asText()).isEqualTo("payerMessage");
    }

    @Test
    void an_empty_body_or_a_form_body_is_refused_clearly() {
        assertErrorFormat(http.post("/api/v1/collections", apiKey, ""), 400, "INVALID_REQUEST");
        assertErrorFormat(http.send("POST", "/api/v1/collections", "amount=1",
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "application/x-www-form-urlencoded")),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void bad_queries_and_unknown_paths_answer_in_the_error_format() {
        assertErrorFormat(http.get("/api/v1/payments?status=DONE", apiKey), 400, "INVALID_REQUEST");
        assertErrorFormat(http.get("/api/v1/payments?size=0", apiKey), 400, "INVALID_REQUEST");
        assertErrorFormat(http.get("/api/v1/payments?page=x", apiKey), 400, "INVALID_REQUEST");
        assertErrorFormat(http.get("/api/v1/payments?from=yesterday", apiKey), 400, "INVALID_REQUEST");
        assertErrorFormat(http.get("/api/v1/payments?from=2026-02-01&to=2026-01-01", apiKey), 400, "INVALID_REQUEST");
        assertErrorFormat(http.get("/api/v1/payments/not-an-id", apiKey), 404, "PAYMENT_NOT_FOUND");
        assertErrorFormat(http.get("/api/v1/nothing-here", apiKey), 404, "NOT_FOUND");
        assertErrorFormat(http.send("DELETE", "/api/v1/payments", null, Map.of("Authorization", "Bearer " + apiKey)),
                405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void nothing_is_stored_for_a_refused_request() {
        Integer before = jdbc.queryForObject("SELECT count(*) FROM payment", Integer.class);
        http.post("/api/v1/collections", apiKey, "{\"amount\":\"1\",\"phoneNumber\":\"256772123456\"}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment", Integer.class)).isEqualTo(before);
    }

    private static void assertErrorFormat(HttpResponseView response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode error = response.json();
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(error.has("details")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
