package io.mmg.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real answers of the running gateway match the schemas the OpenAPI document gives for them (JSON Schema 2020-12, as
 * OpenAPI 3.1 defines its schemas), so the document says what the code does, not what it was meant to do.
 */
class ApiAnswersMatchTheContractTest extends GatewayApiTest {

    private static final String ADMIN_KEY = "test-admin-key";
    /** MTN's sandbox number that stays PENDING until told otherwise (docs/sandbox.md). */
    private static final String MTN_STAYS_PENDING = "46733123454";

    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        document = http.get("/api/v1/openapi.json", null).json();
    }

    @Test
    void every_payment_type_matches_the_payment_schema_field_for_field() {
        HttpResponseView collection = collect(Phones.uganda(), "10000");
        String id = collection.json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        String body = "{\"amount\":\"5000\",\"phoneNumber\":\"" + Phones.uganda() + "\"}";

        List<HttpResponseView> payments = List.of(collection,
                http.post("/api/v1/payments/" + id + "/refunds", apiKey, "{\"amount\":\"1000\",\"note\":\"Returned\"}"),
                http.post("/api/v1/disbursements", apiKey, body),
                http.post("/api/v1/remittances", apiKey, body),
                http.post("/api/v1/collections", apiKey, "{\"amount\":\"150\",\"phoneNumber\":\"" + Phones.kenya() + "\"}"));

        List<String> documented = new ArrayList<>();
        document.at("/components/schemas/Payment/properties").fieldNames().forEachRemaining(documented::add);
        for (HttpResponseView payment : payments) {
            assertMatches(payment, "/api/v1/collections", "post");
            List<String> fields = new ArrayList<>();
            payment.json().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(payment.toString()).containsExactlyElementsOf(documented);
        }
    }

    @Test
    void reads_of_payments_match_their_schemas() {
        String id = collect(Phones.uganda(), "2000").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        assertMatches(http.get("/api/v1/payments/" + id, apiKey), "/api/v1/payments/{id}", "get");
        assertMatches(http.get("/api/v1/payments?size=5", apiKey), "/api/v1/payments", "get");
        assertMatches(http.get("/api/v1/payments/" + id + "/events", apiKey), "/api/v1/payments/{id}/events", "get");
        assertMatches(http.get("/api/v1/payments/" + id + "/receipt", apiKey), "/api/v1/payments/{id}/receipt", "get");
        assertMatches(http.get("/api/v1/payment-methods", apiKey), "/api/v1/payment-methods", "get");
    }

    @Test
    void errors_match_the_error_schema() {
        HttpResponseView tooLow = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"1\",\"phoneNumber\":\"" + Phones.uganda() + "\"}");
        HttpResponseView unknownField = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"" + Phones.uganda() + "\",\"amnt\":1}");
        HttpResponseView noKey = http.get("/api/v1/payments", null);

        assertThat(tooLow.status()).isEqualTo(400);
        assertMatches(tooLow, "/api/v1/collections", "post");
        assertMatches(unknownField, "/api/v1/collections", "post");
        assertMatches(noKey, "/api/v1/payments", "get");
        assertMatches(http.get("/api/v1/payments/7d1f6a8e-2c9b-4a57-9d5e-0c3c2f1f9a11", apiKey),
                "/api/v1/payments/{id}", "get");
    }

    @Test
    void webhook_endpoint_and_admin_answers_match_their_schemas() {
        HttpResponseView created = http.put("/api/v1/webhook-endpoint", apiKey,
                "{\"url\":\"https://shop.example.com/webhooks/momo\"}");
        HttpResponseView client = http.post("/api/v1/admin/clients", ADMIN_KEY, "{\"name\":\"Contract Shop\"}");
        String clientId = client.json().path("clientId").asText();

        assertThat(created.status()).isEqualTo(201);
        assertMatches(created, "/api/v1/webhook-endpoint", "put");
        assertMatches(http.get("/api/v1/webhook-endpoint", apiKey), "/api/v1/webhook-endpoint", "get");
        assertMatches(client, "/api/v1/admin/clients", "post");
        assertMatches(http.get("/api/v1/admin/clients/" + clientId + "/settings", ADMIN_KEY),
                "/api/v1/admin/clients/{clientId}/settings", "get");
        assertMatches(http.get("/api/v1/reconciliation-runs", apiKey), "/api/v1/reconciliation-runs", "get");
        assertMatches(http.get("/api/v1/webhook-deliveries", apiKey), "/api/v1/webhook-deliveries", "get");
    }

    @Test
    void batch_reconciliation_wallet_and_operator_answers_match_their_schemas() {
        HttpResponseView batch = http.send("POST", "/api/v1/disbursement-batches?fileName=pay.csv&approval=required",
                "external_id,phone_number,amount\nc-1," + Phones.uganda() + ",5000\nc-2,123,5000\n",
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv"));
        String batchId = batch.json().path("id").asText();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        HttpResponseView run = http.post("/api/v1/reconciliation-runs", apiKey,
                "{\"from\":\"" + today + "\",\"to\":\"" + today + "\"}");
        String runId = run.json().path("id").asText();

        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        assertMatches(batch, "/api/v1/disbursement-batches", "post");
        assertMatches(http.get("/api/v1/disbursement-batches/" + batchId, apiKey), "/api/v1/disbursement-batches/{id}", "get");
        assertMatches(http.get("/api/v1/disbursement-batches/" + batchId + "/items", apiKey),
                "/api/v1/disbursement-batches/{id}/items", "get");
        assertMatches(http.get("/api/v1/disbursement-batches", apiKey), "/api/v1/disbursement-batches", "get");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        assertMatches(run, "/api/v1/reconciliation-runs", "post");
        assertMatches(http.get("/api/v1/reconciliation-runs/" + runId + "/items", apiKey),
                "/api/v1/reconciliation-runs/{id}/items", "get");
        assertMatches(http.post("/api/v1/payment-methods", apiKey,
                "{\"type\":\"MPESA\",\"details\":{\"phoneNumber\":\"" + Phones.kenya() + "\"}}"),
                "/api/v1/payment-methods", "post");
        assertMatches(http.get("/api/v1/account-holders/" + Phones.uganda() + "?details=true", apiKey),
                "/api/v1/account-holders/{phoneNumber}", "get");
        assertMatches(http.get("/api/v1/balances", ADMIN_KEY), "/api/v1/balances", "get");
        assertMatches(http.get("/api/v1/admin/payments/needs-review", ADMIN_KEY), "/api/v1/admin/payments/needs-review", "get");
        assertMatches(http.get("/api/v1/admin/routes", ADMIN_KEY), "/api/v1/admin/routes", "get");
    }

    @Test
    void cancellation_live_token_and_admin_payment_answers_match_their_schemas() {
        HttpResponseView pending = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"5\",\"currency\":\"EUR\",\"phoneNumber\":\"" + MTN_STAYS_PENDING + "\"}");
        String id = pending.json().path("id").asText();
        HttpResponseView token = http.post("/api/v1/payments/" + id + "/client-token", apiKey, "");
        HttpResponseView cancelled = http.post("/api/v1/payments/" + id + "/cancel", apiKey, "{\"note\":\"Left\"}");
        HttpResponseView batch = http.send("POST", "/api/v1/disbursement-batches?approval=required",
                "external_id,phone_number,amount\nr-1," + Phones.uganda() + ",5000\n",
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv"));
        String row = "/api/v1/disbursement-batches/" + batch.json().path("id").asText() + "/items/1/cancel";

        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        assertMatches(token, "/api/v1/payments/{id}/client-token", "post");
        assertThat(cancelled.json().path("providerOutcome").asText()).as(cancelled.toString()).isEqualTo("WAITING");
        assertMatches(cancelled, "/api/v1/payments/{id}/cancel", "post");
        assertMatches(http.post("/api/v1/payments/" + id + "/cancel", apiKey, null), "/api/v1/payments/{id}/cancel", "post");
        assertMatches(http.post(row, apiKey, null), "/api/v1/disbursement-batches/{id}/items/{row}/cancel", "post");
        HttpResponseView cancelledOnes = http.get("/api/v1/payments?status=CANCELLED&phoneNumber=" + MTN_STAYS_PENDING, apiKey);
        assertThat(cancelledOnes.json().path("items").findValuesAsText("id")).as(cancelledOnes.toString()).contains(id);
        assertMatches(cancelledOnes, "/api/v1/payments", "get");
        assertMatches(http.get("/api/v1/admin/payments?size=5", ADMIN_KEY), "/api/v1/admin/payments", "get");
        assertMatches(http.get("/api/v1/admin/payments/" + id, ADMIN_KEY), "/api/v1/admin/payments/{id}", "get");
        assertMatches(http.get("/api/v1/admin/payments/needs-review?unknownOlderThanMinutes=30", ADMIN_KEY),
                "/api/v1/admin/payments/needs-review", "get");
    }

    @Test
    void console_session_answers_match_their_schemas() {
        HttpResponseView login = http.send("POST", "/console/session",
                "{\"apiKey\":\"" + apiKey + "\",\"operator\":\"ops\"}", Map.of("Content-Type", "application/json"));
        String cookie = login.header("Set-Cookie").split(";")[0];
        HttpResponseView refusedChange = http.send("POST", "/api/v1/payments/" + UUID.randomUUID() + "/cancel",
                null, Map.of("Cookie", cookie));

        assertMatches(login, "/console/session", "post");
        assertMatches(http.send("GET", "/console/session", null, Map.of("Cookie", cookie)), "/console/session", "get");
        assertMatches(http.send("GET", "/console/session", null, Map.of()), "/console/session", "get");
        assertThat(refusedChange.json().path("code").asText()).as(refusedChange.toString()).isEqualTo("CSRF_TOKEN_INVALID");
        assertMatches(refusedChange, "/api/v1/payments/{id}/cancel", "post");
    }

    /** The answer's body against the schema the document gives for this operation and the answer's status. */
    private void assertMatches(HttpResponseView answer, String path, String method) {
        JsonNode response = resolved(document.path("paths").path(path).path(method).path("responses")
                .path(String.valueOf(answer.status())));
        assertThat(response.isMissingNode()).as(method + " " + path + " documents " + answer.status()).isFalse();
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("allOf", JsonNodeFactory.instance.arrayNode().add(response.path("content").path("application/json").path("schema")));
        schema.set("components", document.path("components"));
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);

        assertThat(validator.validate(answer.json())).as(method + " " + path + ": " + answer).isEmpty();
    }

    private JsonNode resolved(JsonNode node) {
        return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
    }
}
