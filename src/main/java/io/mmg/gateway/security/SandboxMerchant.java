package io.mmg.gateway.security;

import io.mmg.gateway.provider.GatewayUrls;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In sandbox mode, makes sure a merchant with the well-known sandbox API key exists and tells the
 * developer where everything is. The sandbox key is documented in the README, not a secret; real
 * keys are only ever shown once, by the admin API.
 * <p>
 * The key is stored before the web server opens its port, so the first request after start-up is never
 * refused with 401; the banner is printed once everything is ready.
 */
@Component
@ConditionalOnProperty(name = "gateway.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxMerchant implements SmartInitializingSingleton {

    private final ClientDirectory clients;
    private final GatewayUrls urls;
    private final String clientName;
    private final String apiKey;

    public SandboxMerchant(ClientDirectory clients, GatewayUrls urls,
                           @Value("${gateway.sandbox.client-name}") String clientName,
                           @Value("${gateway.sandbox.api-key}") String apiKey) {
        this.clients = clients;
        this.urls = urls;
        this.clientName = clientName;
        this.apiKey = apiKey;
    }

    @Override
    public void afterSingletonsInstantiated() {
        clients.ensureClientWithKey(clientName, apiKey);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        String base = urls.localUrl();
        System.out.println("""

                ==================================================================
                 Mobile Money Gateway (sandbox) is ready
                   API:            %1$s/api/v1   (OpenAPI: %1$s/api/v1/openapi.json)
                   API reference:  %1$s/api/v1/docs
                   Console:        %1$s/console   (log in with the sandbox key)
                   Simulators:     %1$s/sandbox/mtn   %1$s/sandbox/mpesa
                   Sandbox key:    %2$s
                   Try:            curl -X POST %1$s/api/v1/collections \\
                                     -H 'Authorization: Bearer %2$s' \\
                                     -H 'Content-Type: application/json' \\
                                     -d '{"amount":"1000","phoneNumber":"256772123456"}'
                ==================================================================
                """.formatted(base, apiKey));
    }
}
