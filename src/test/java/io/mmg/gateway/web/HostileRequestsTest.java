package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inputs that were answered 500, or with Tomcat's HTML page, are refused with 400 in the error format.
 * (The wider corpus is HostileInputCorpusTest.)
 */
class HostileRequestsTest extends GatewayApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "external_id,phone_number,amount\nA-1,256772123456,1000\n";

    private RawHttp raw;

    @BeforeEach
    void rawHttp() {
        raw = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/collections", "/api/v1/disbursements", "/api/v1/remittances"})
    void a_nul_character_in_a_metadata_key_is_refused(String path) throws Exception {
        RawHttp.Answer answer = postJson(path, payment(",\"metadata\":{\"order\\u0000\":\"42\"}"));

        assertError(answer, 400, "INVALID_REQUEST");
        assertThat(json(answer).path("details").path("field").asText()).isEqualTo("metadata.order\\u0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/collections", "/api/v1/disbursements", "/api/v1/remittances"})
    void a_nul_character_in_a_metadata_value_is_refused(String path) throws Exception {
        RawHttp.Answer answer = postJson(path, payment(",\"metadata\":{\"order\":\"4\\u00002\"}"));

        assertError(answer, 400, "INVALID_REQUEST");
        assertThat(json(answer).path("details").path("field").asText()).isEqualTo("metadata.order");
    }

    @Test
    void a_lone_surrogate_is_refused_rather_than_stored_as_a_question_mark() throws Exception {
        assertError(postJson("/api/v1/collections", payment(",\"metadata\":{\"k\":\"\\ud800\"}")), 400, "INVALID_REQUEST");
    }

    @Test
    void raw_bytes_that_are_not_utf8_inside_a_json_string_are_refused() throws Exception {
        byte[] body = concat(utf8("{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\",\"metadata\":{\"k\":\""),
                new byte[] {(byte) 0xff, (byte) 0xfe}, utf8("\"}}"));

        RawHttp.Answer answer = post("/api/v1/collections", "application/json", body);

        assertError(answer, 400, "INVALID_REQUEST");
        assertThat(json(answer).path("error").asText()).contains("UTF-8");
    }

    @Test
    void a_utf16_json_body_is_refused() throws Exception {
        assertError(post("/api/v1/collections", "application/json", payment("").getBytes(StandardCharsets.UTF_16)),
                400, "INVALID_REQUEST");
    }

    @Test
    void an_admin_client_name_with_a_nul_character_is_refused() throws Exception {
        RawHttp.Answer answer = raw.send("POST", "/api/v1/admin/clients", Map.of("Authorization", "Bearer test-admin-key",
                "Content-Type", "application/json"), utf8("{\"name\":\"Shop\\u0000\"}"));

        assertError(answer, 400, "INVALID_REQUEST");
    }

    @Test
    void garbage_bytes_posted_to_an_mpesa_result_callback_are_refused() throws Exception {
        String paymentId = collect(Phones.uganda(), "1000").json().path("id").asText();
        byte[] garbage = new byte[400];
        new Random(3).nextBytes(garbage);

        RawHttp.Answer answer = raw.send("POST", "/callbacks/mpesa/" + paymentId + "/result?token=x",
                Map.of("Content-Type", "application/json"), garbage);

        assertError(answer, 400, "INVALID_REQUEST");
    }

    @Test
    void a_nul_character_in_an_authenticated_callback_is_refused_not_a_500() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"suppressCallback\":true}");
        String paymentId = collect(phone, "1000").json().path("id").asText();

        HttpResponseView answer = mtn.resendCallback(paymentId,
                "{\"status\":\"SUCCESSFUL\",\"financialTransactionId\":\"42\\u0000\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void a_binary_payout_file_is_an_invalid_file() throws Exception {
        byte[] binary = new byte[2048];
        new Random(5).nextBytes(binary);

        assertError(post("/api/v1/disbursement-batches", "text/csv", binary), 400, "INVALID_FILE");
    }

    @Test
    void a_payout_file_that_is_not_utf8_is_an_invalid_file() throws Exception {
        byte[] latin1 = (CSV + "A-2,256772123457,1000,Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);

        assertError(post("/api/v1/disbursement-batches", "text/csv", latin1), 400, "INVALID_FILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE"})
    void a_utf16_payout_file_is_an_invalid_file(String encoding) throws Exception {
        assertError(post("/api/v1/disbursement-batches", "text/csv", CSV.getBytes(encoding)), 400, "INVALID_FILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%00b.csv", "%2F", "..", "a%2Fb.csv", "a%5Cb.csv", "%07bell.csv"})
    void a_payout_file_name_that_is_not_a_plain_name_is_refused(String fileName) throws Exception {
        RawHttp.Answer answer = post("/api/v1/disbursement-batches?fileName=" + fileName, "text/csv", utf8(CSV));

        assertError(answer, 400, "INVALID_REQUEST");
        assertThat(json(answer).path("details").path("field").asText()).isEqualTo("fileName");
    }

    @Test
    void an_idempotency_key_of_10000_characters_gets_the_error_format_not_an_html_page() throws Exception {
        RawHttp.Answer answer = raw.send("POST", "/api/v1/collections", Map.of("Authorization", "Bearer " + apiKey,
                "Content-Type", "application/json", "Idempotency-Key", "k".repeat(10_000)), utf8(payment("")));

        assertError(answer, 400, "INVALID_REQUEST");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void a_64_kb_header_gets_the_error_format_not_an_html_page() throws Exception {
        RawHttp.Answer answer = raw.send("GET", "/api/v1/payments", Map.of("Authorization", "Bearer " + apiKey,
                "X-Padding", "p".repeat(64 * 1024)), null);

        assertError(answer, 400, "INVALID_REQUEST");
    }

    @Test
    void an_unsupported_http_version_is_a_400_not_a_5xx() throws Exception {
        RawHttp.Answer answer = raw.exchange(utf8("GET /api/v1/ping HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"));

        assertError(answer, 400, "INVALID_REQUEST");
    }

    private RawHttp.Answer postJson(String path, String body) {
        return post(path, "application/json", utf8(body));
    }

    private RawHttp.Answer post(String path, String contentType, byte[] body) {
        return raw.send("POST", path, Map.of("Authorization", "Bearer " + apiKey, "Content-Type", contentType), body);
    }

    private static String payment(String more) {
        return "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\"" + more + "}";
    }

    private static void assertError(RawHttp.Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(json(answer).path("code").asText()).as(answer.toString()).isEqualTo(code);
        assertThat(json(answer).path("error").asText()).isNotBlank();
    }

    private static JsonNode json(RawHttp.Answer answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
