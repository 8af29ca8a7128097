package io.mmg.gateway.tools;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.mtn.MtnRequests;
import io.mmg.gateway.provider.mtn.MtnSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * What the MTN command-line tools share with the gateway: its configuration (application.yaml overridden by
 * the same environment variables, read with Spring Boot's own binder, so the tools see exactly what the
 * gateway would) and its one MTN request path ({@link MtnRequests}), sent here with a plain HTTP client.
 *
 * @param baseUrl   where MTN is: --base-url, else gateway.mtn.base-url, else the gateway's own simulator
 * @param publicUrl the gateway's public URL (callbacks), gateway.public-url or http://localhost:&lt;port&gt;
 */
record MtnToolContext(MtnSettings settings, MtnRequests requests, String baseUrl, String publicUrl,
                      Map<String, String> options) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static MtnToolContext load(String[] args) {
        quietLogging();
        Map<String, String> options = options(args);
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);
        MtnSettings settings = binder.bind("gateway.mtn", MtnSettings.class)
                .orElseGet(() -> new MtnSettings(null, null, null, null, null, null));
        String port = binder.bind("server.port", String.class).orElse("8080");
        String configuredPublicUrl = binder.bind("gateway.public-url", String.class).orElse("");
        String publicUrl = stripSlash(configuredPublicUrl.isBlank() ? "http://localhost:" + port : configuredPublicUrl);
        String baseUrl = stripSlash(options.getOrDefault("base-url",
                settings.baseUrl() == null || settings.baseUrl().isBlank() ? publicUrl + "/sandbox/mtn" : settings.baseUrl()));
        return of(settings, baseUrl, publicUrl, options);
    }

    static MtnToolContext of(MtnSettings settings, String baseUrl, String publicUrl, Map<String, String> options) {
        MtnRequests requests = new MtnRequests(settings, new GatewayUrls(publicUrl), new ObjectMapper());
        return new MtnToolContext(settings, requests, stripSlash(baseUrl), stripSlash(publicUrl), options);
    }

    /** Sends one prepared MTN call; {@code authorization} is added when the call has none of its own. */
    ProviderReply send(ProviderCall call, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        if (authorization != null && !call.headers().containsKey("Authorization")) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ProviderReply(response.statusCode(), response.body() == null ? "" : response.body());
        } catch (IOException e) {
            return new ProviderReply(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProviderReply(0, "interrupted");
        }
    }

    /** The host MTN must allow callbacks to (the API user's providerCallbackHost, docs/providers.md#mtn-authentication, #mtn-sandbox-provisioning). */
    String callbackHost() {
        return options.getOrDefault("callback-host", URI.create(publicUrl).getHost());
    }

    /** First characters and length only: enough to recognise a value, never the secret itself. */
    static String mask(String secret) {
        if (secret == null || secret.isBlank()) {
            return "(not set)";
        }
        int shown = Math.min(4, secret.length() / 4);
        return secret.substring(0, shown) + "… (" + secret.length() + " characters)";
    }

    /** {@code --name=value} and {@code --flag} options. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'; options are --name=value");
            }
            int equals = arg.indexOf('=');
            options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                    equals < 0 ? "true" : arg.substring(equals + 1));
        }
        return options;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The tools print their own report; library logging would only drown it. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
