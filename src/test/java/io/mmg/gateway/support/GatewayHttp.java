package io.mmg.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Real HTTP calls to the running gateway (and its simulators), as a merchant or a provider would make them. */
public class GatewayHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public GatewayHttp(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponseView post(String path, String apiKey, String json) {
        return send("POST", path, json, auth(apiKey, Map.of("Content-Type", "application/json")));
    }

    public HttpResponseView post(String path, String apiKey, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        return send("POST", path, json, auth(apiKey, all));
    }

    public HttpResponseView put(String path, String apiKey, String json) {
        return send("PUT", path, json, auth(apiKey, Map.of("Content-Type", "application/json")));
    }

    public HttpResponseView delete(String path, String apiKey) {
        return send("DELETE", path, null, auth(apiKey, Map.of()));
    }

    public HttpResponseView get(String path, String apiKey) {
        return send("GET", path, null, auth(apiKey, Map.of()));
    }

    public HttpResponseView send(String method, String path, String body, Map<String, String> headers) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResponseView(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> auth(String apiKey, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (apiKey != null) {
            all.put("Authorization", "Bearer " + apiKey);
        }
        return all;
    }
}
