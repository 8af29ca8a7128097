package io.mmg.gateway.support;

import io.mmg.gateway.security.ClientDirectory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * What the gateway is like at the instant its web server opens the port, before the CamelContext starts the routes:
 * recorded once, when that Spring context starts. The test classes that import this share that one context.
 */
@TestConfiguration
public class WhenThePortOpens {

    public static final AtomicReference<Boolean> SANDBOX_KEY_KNOWN = new AtomicReference<>();
    public static final AtomicReference<HttpResponseView> FIRST_COLLECTION_ANSWER = new AtomicReference<>();

    @Bean
    ApplicationListener<WebServerInitializedEvent> sandboxKeyProbe(
            ClientDirectory clients, @Value("${gateway.sandbox.api-key}") String sandboxKey) {
        return event -> SANDBOX_KEY_KNOWN.set(clients.findByApiKey(sandboxKey).isPresent());
    }

    /** A payment request sent the moment the port is open, as an eager client or a load balancer retry would. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> firstRequestProbe(@Value("${gateway.sandbox.api-key}") String key) {
        return event -> FIRST_COLLECTION_ANSWER.set(new GatewayHttp(event.getWebServer().getPort()).send("POST",
                "/api/v1/collections", "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\"}",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json")));
    }
}
