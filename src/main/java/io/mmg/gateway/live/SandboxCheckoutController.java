package io.mmg.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's sample checkout page (docs/live-status.md), only while the sandbox is on. The page never sees an API
 * key: it asks {@code POST /sandbox/checkout/payments}, which plays the merchant's server: it asks this gateway's own
 * API, with the sandbox merchant's key, for the collection and its client token, and hands the page only the token.
 */
@RestController
@ConditionalOnSandbox
class SandboxCheckoutController {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final GatewayUrls urls;
    private final String sandboxApiKey;
    private final ObjectMapper json;

    SandboxCheckoutController(GatewayUrls urls, @Value("${gateway.sandbox.api-key}") String sandboxApiKey,
                              ObjectMapper json) {
        this.urls = urls;
        this.sandboxApiKey = sandboxApiKey;
        this.json = json;
    }

    @GetMapping(value = "/sandbox/checkout", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() throws IOException {
        try (InputStream html = new ClassPathResource("sandbox/checkout.html").getInputStream()) {
            return ResponseEntity.ok().header("Cache-Control", "no-store")
                    .body(new String(html.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Starts the collection (an STK push for a Kenyan number) and answers its client token, or the API's refusal. */
    @PostMapping(value = "/sandbox/checkout/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> start(@RequestBody Map<String, Object> order) throws Exception {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("amount", String.valueOf(order.getOrDefault("amount", "")));
        collection.put("phoneNumber", String.valueOf(order.getOrDefault("phoneNumber", "")));
        collection.put("externalId", "checkout-" + UUID.randomUUID());
        HttpResponse<String> created = post("/api/v1/collections", json.writeValueAsString(collection));
        if (created.statusCode() >= 300) {
            return ResponseEntity.status(created.statusCode()).body(created.body());
        }
        JsonNode payment = json.readTree(created.body());
        HttpResponse<String> token = post("/api/v1/payments/" + payment.path("id").asText() + "/client-token", "");
        if (token.statusCode() >= 300) {
            return ResponseEntity.status(token.statusCode()).body(token.body());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", payment.path("status").asText());
        answer.putAll(json.readValue(token.body(), Map.class));
        return ResponseEntity.status(201).body(json.writeValueAsString(answer));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.localUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + sandboxApiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
