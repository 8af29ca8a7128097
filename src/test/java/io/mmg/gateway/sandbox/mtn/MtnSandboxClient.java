package io.mmg.gateway.sandbox.mtn;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Calls the MTN simulator over HTTP the way a MoMo client does: headers, tokens and JSON bodies. */
final class MtnSandboxClient {

    static final String API_USER = "7a3e1c2b-8d4f-4a6b-9c1d-2e3f4a5b6c7d";
    static final String API_KEY = "sandbox0collection0api0key000001";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A status code and body, with the body as JSON on demand. */
    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    MtnSandboxClient(int port) {
        this.base = "http://localhost:" + port;
    }

    static String subscriptionKey(String product) {
        return "sandbox-" + product + "-key";
    }

    static String newReference() {
        return UUID.randomUUID().toString();
    }

    /** A number that plays no sandbox scenario, unique enough to single out one test's requests. */
    static String ordinaryMsisdn() {
        return "2567" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    }

    static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    static String requestToPayBody(String payer, String amount) {
        return """
                {"amount":"%s","currency":"EUR","externalId":"order-42",
                 "payer":{"partyIdType":"MSISDN","partyId":"%s"},
                 "payerMessage":"Order 42","payeeNote":"Thanks"}""".formatted(amount, payer);
    }

    static String transferBody(String payee, String amount) {
        return """
                {"amount":"%s","currency":"EUR","externalId":"payout-7",
                 "payee":{"partyIdType":"MSISDN","partyId":"%s"},
                 "payerMessage":"Salary","payeeNote":"Salary"}""".formatted(amount, payee);
    }

    static String refundBody(String referenceIdToRefund, String amount) {
        return """
                {"amount":"%s","currency":"EUR","externalId":"r-1","payerMessage":"Refund","payeeNote":"Refund",
                 "referenceIdToRefund":"%s"}""".formatted(amount, referenceIdToRefund);
    }

    Response send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response requestToken(String product, String authorization) {
        return send("POST", "/sandbox/mtn/" + product + "/token/", Map.of(
                "Authorization", authorization,
                "Ocp-Apim-Subscription-Key", subscriptionKey(product),
                "X-Target-Environment", "sandbox"), null);
    }

    /** A fresh access token of the pre-provisioned API user. */
    String token(String product) {
        Response response = requestToken(product, basic(API_USER, API_KEY));
        if (response.status() != 200) {
            throw new IllegalStateException("No token: " + response);
        }
        return response.json().get("access_token").asText();
    }

    /** The headers of a product call: subscription key, Bearer token, target environment. */
    Map<String, String> productHeaders(String product) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token(product));
        headers.put("Ocp-Apim-Subscription-Key", subscriptionKey(product));
        headers.put("X-Target-Environment", "sandbox");
        return headers;
    }

    /** {@code POST /{product}/{version}/{resource}} with an X-Reference-Id and, if given, an X-Callback-Url. */
    Response create(String product, String version, String resource, String reference, String body,
                    String callbackUrl) {
        Map<String, String> headers = productHeaders(product);
        headers.put("X-Reference-Id", reference);
        if (callbackUrl != null) {
            headers.put("X-Callback-Url", callbackUrl);
        }
        return send("POST", "/sandbox/mtn/" + product + "/" + version + "/" + resource, headers, body);
    }

    Response requestToPay(String reference, String body) {
        return create("collection", "v1_0", "requesttopay", reference, body, null);
    }

    Response get(String product, String pathAfterProduct) {
        return send("GET", "/sandbox/mtn/" + product + "/" + pathAfterProduct, productHeaders(product), null);
    }

    Response status(String product, String version, String resource, String reference) {
        return get(product, version + "/" + resource + "/" + reference);
    }

    /** Polls the status until it leaves PENDING. */
    JsonNode awaitFinal(String product, String version, String resource, String reference) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> status(product, version, resource, reference).json(),
                        body -> !"PENDING".equals(body.path("status").asText()));
    }

    Response control(String method, String path, String body) {
        return send(method, "/sandbox/control/mtn" + path, Map.of(), body);
    }

    void resetControl() {
        control("DELETE", "", null);
    }

    /** Request counts for one operation, overall or for one party number. */
    long requests(String operation, String msisdn) {
        String query = msisdn == null ? "" : "?msisdn=" + msisdn;
        return control("GET", "/stats" + query, null).json().path("requests").path(operation).asLong(0);
    }
}
