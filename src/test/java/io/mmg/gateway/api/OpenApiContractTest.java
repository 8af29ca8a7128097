package io.mmg.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The served OpenAPI document is the contract of the running gateway: a real OpenAPI parser finds nothing wrong with
 * it, and it lists exactly the REST verbs the CamelContext serves (provider callbacks aside: providers call them, not
 * merchants), with the query parameters each declares, the error codes each can answer and their responses.
 */
class OpenApiContractTest extends GatewayApiTest {

    /** Called by providers on the URL the gateway gave them (docs/providers.md), not part of the merchants' API. */
    private static final String PROVIDER_CALLBACKS = "/callbacks/";
    /**
     * Served by Spring MVC handlers, not Camel REST verbs, yet part of the API: the live status WebSocket and its
     * Server-Sent Events twin a checkout page uses (docs/live-status.md), and the console's login (docs/console.md).
     */
    private static final Set<String> SERVED_BY_SPRING_MVC = Set.of(
            "GET /api/v1/live/payments/{id}", "GET /api/v1/live/payments/{id}/events",
            "POST /console/session", "GET /console/session", "DELETE /console/session");
    /** Codes no operation answers: a status or a row report instead, or provider callbacks only. */
    private static final Set<ErrorCode> ANSWERED_ELSEWHERE = Set.of(
            ErrorCode.PAYMENT_EXPIRED,          // an expiry is the EXPIRED status (README "Errors")
            ErrorCode.DUPLICATE_EXTERNAL_ID,    // a payout file row's errorCode in the batch's rows
            ErrorCode.CALLBACK_REJECTED, ErrorCode.CALLBACK_MISMATCH,  // provider callbacks
            ErrorCode.METHOD_NOT_ALLOWED);      // any path, another method (info.description)

    @Autowired
    private CamelContext camel;
    private JsonNode document;

    @Test
    void the_served_document_is_valid_openapi_3_1() {
        HttpResponseView served = http.get("/api/v1/openapi.json", null);

        SwaggerParseResult parsed = parse(served.body());

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parse(http.get("/api/v1/openapi.yaml", null).body()).getMessages()).isEmpty();
    }

    @Test
    void every_property_schema_uses_only_schema_keywords() {
        // An unquoted comma in a YAML flow mapping ({description: a, b}) silently adds a keyword "b"; OpenAPI 3.1
        // schemas allow unknown keywords, so the parser above does not see it.
        Set<String> keywords = Set.of("type", "format", "description", "items", "$ref", "examples", "example", "maxLength",
                "minLength", "const", "enum", "properties", "oneOf", "anyOf", "allOf", "minimum", "maximum",
                "additionalProperties", "pattern", "deprecated", "required", "default", "minItems", "maxItems",
                "readOnly", "writeOnly", "title", "exclusiveMinimum", "exclusiveMaximum", "uniqueItems", "nullable");
        List<String> strays = new ArrayList<>();
        for (JsonNode schema : document().findParents("properties")) {
            schema.path("properties").fields().forEachRemaining(property -> property.getValue().fieldNames()
                    .forEachRemaining(keyword -> {
                        if (!keywords.contains(keyword) && !keyword.startsWith("x-")) {
                            strays.add(property.getKey() + ": " + keyword);
                        }
                    }));
        }
        assertThat(strays).isEmpty();
    }

    @Test
    void every_rest_verb_is_in_the_document_and_the_document_has_no_other() {
        Set<String> served = new TreeSet<>(restVerbs().keySet());
        served.addAll(SERVED_BY_SPRING_MVC);

        assertThat(documentedOperations().keySet()).containsExactlyInAnyOrderElementsOf(served);
    }

    /** What the parser leaves to the author: each {name} of a path declared, each response described. */
    @Test
    void every_path_parameter_is_declared_and_every_response_described() {
        document().path("paths").fields().forEachRemaining(path -> {
            Set<String> inPath = new TreeSet<>();
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (names.find()) {
                inPath.add(names.group(1));
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (!operation.getValue().has("responses")) {
                    return;
                }
                Set<String> declared = new TreeSet<>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), operation.getValue().path("parameters"))) {
                    resolvedAll(list).stream().filter(p -> p.path("in").asText().equals("path"))
                            .forEach(p -> declared.add(p.path("name").asText()));
                }
                assertThat(declared).as(operation.getKey() + " " + path.getKey()).isEqualTo(inPath);
                operation.getValue().path("responses").fields().forEachRemaining(response ->
                        assertThat(resolved(response.getValue()).path("description").asText())
                                .as(operation.getKey() + " " + path.getKey() + " " + response.getKey()).isNotBlank());
            });
        });
    }

    @Test
    void every_query_parameter_a_verb_declares_is_documented_and_no_other() {
        Map<String, JsonNode> operations = documentedOperations();
        restVerbs().forEach((operation, verb) -> {
            if (!operation.contains(" /api/v1/")) {
                return;   // the adapters keep their old APIs' leniency (QueryParameterRule)
            }
            Set<String> declared = verb.getParams().stream().filter(p -> p.getType() == RestParamType.query)
                    .map(p -> p.getName()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> documented = new TreeSet<>();
            for (JsonNode parameter : resolvedAll(operations.get(operation).path("parameters"))) {
                if (parameter.path("in").asText().equals("query")) {
                    documented.add(parameter.path("name").asText());
                }
            }
            assertThat(documented).as(operation).isEqualTo(declared);
        });
    }

    @Test
    void every_operation_lists_real_error_codes_each_with_a_response_for_its_status() {
        Set<ErrorCode> listedSomewhere = new TreeSet<>();
        documentedOperations().forEach((operation, node) -> {
            assertThat(node.has("x-error-codes")).as(operation + " has x-error-codes").isTrue();
            for (JsonNode code : node.path("x-error-codes")) {
                ErrorCode errorCode = ErrorCode.valueOf(code.asText());
                listedSomewhere.add(errorCode);
                JsonNode responses = node.path("responses");
                assertThat(responses.has(String.valueOf(errorCode.httpStatus())) || responses.has("default"))
                        .as(operation + " answers " + errorCode + " with " + errorCode.httpStatus()).isTrue();
            }
        });
        Set<ErrorCode> all = new TreeSet<>(Arrays.asList(ErrorCode.values()));
        all.removeAll(ANSWERED_ELSEWHERE);

        assertThat(listedSomewhere).containsAll(all);
        assertThat(texts(document().path("components").path("schemas").path("ErrorCode").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void merchant_answers_carry_the_rate_limit_headers_and_payment_requests_the_idempotency_key() {
        documentedOperations().forEach((operation, node) -> {
            boolean merchant = operation.contains(" /api/v1/") && !node.has("security");
            if (!merchant) {
                return;
            }
            node.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    assertThat(resolved(response.getValue()).path("headers").has("RateLimit-Remaining"))
                            .as(operation + " " + response.getKey()).isTrue();
                }
            });
        });
        for (String path : List.of("/api/v1/collections", "/api/v1/disbursements", "/api/v1/remittances",
                "/api/v1/payments/{id}/refunds")) {
            assertThat(resolvedAll(document().path("paths").path(path).path("post").path("parameters"))
                    .stream().map(p -> p.path("name").asText()))
                    .as(path).contains("Idempotency-Key", "X-Signature-Timestamp", "X-Signature");
        }
        JsonNode rateLimited = document().path("components").path("responses").path("RateLimited");
        assertThat(rateLimited.path("headers").has("Retry-After")).isTrue();
        assertThat(document().path("components").path("securitySchemes").path("merchantKey").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(document().path("webhooks").path("paymentEvent").path("post").path("parameters")
                .findValuesAsText("name")).contains("X-Gateway-Signature");
    }

    @Test
    void the_document_names_this_gateway_as_its_server_not_a_wildcard_address() {
        assertThat(document().path("servers").get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void the_html_reference_is_public_and_its_assets_come_from_the_gateway() {
        HttpResponseView page = http.get("/api/v1/docs", null);
        HttpResponseView bundle = http.get("/webjars/swagger-ui/swagger-ui-bundle.js", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/api/v1/openapi.json")
                .doesNotContain("https://", "http://");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
    }

    private SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(document, null, options);
    }

    private JsonNode document() {
        if (document == null) {
            document = http.get("/api/v1/openapi.json", null).json();
        }
        return document;
    }

    /** "METHOD path" of every operation of the document. */
    private Map<String, JsonNode> documentedOperations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    /** "METHOD path" of every REST verb the CamelContext serves, provider callbacks aside. */
    private Map<String, VerbDefinition> restVerbs() {
        Map<String, VerbDefinition> verbs = new TreeMap<>();
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String tail = verb.getPath() == null ? "" : verb.getPath();
                String path = rest.getPath() + (tail.isEmpty() || tail.startsWith("/") ? tail : "/" + tail);
                if (!path.startsWith(PROVIDER_CALLBACKS)) {
                    verbs.put(verb.asVerb().toUpperCase() + " " + path, verb);
                }
            }
        }
        return verbs;
    }

    /** The nodes of a list, each with its $ref (#/components/...) followed. */
    private List<JsonNode> resolvedAll(JsonNode list) {
        List<JsonNode> nodes = new ArrayList<>();
        list.forEach(node -> nodes.add(resolved(node)));
        return nodes;
    }

    private JsonNode resolved(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return document().at(node.path("$ref").asText().substring(1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
