package io.mmg.gateway.security;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The sandbox merchant (the README's well-known key, used to try the gateway and to load it) is not rate limited
 * unless an operator gives it limits through the admin API (gateway.rate-limits.sandbox-unlimited).
 */
@Component
@ConditionalOnProperty(name = "gateway.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxClientLimits implements SmartInitializingSingleton {

    private final ClientDirectory clients;
    private final ClientPolicies policies;
    private final RateLimitSettings settings;
    private final String clientName;
    private final String apiKey;

    SandboxClientLimits(ClientDirectory clients, ClientPolicies policies, RateLimitSettings settings,
                        @Value("${gateway.sandbox.client-name}") String clientName,
                        @Value("${gateway.sandbox.api-key}") String apiKey) {
        this.clients = clients;
        this.policies = policies;
        this.settings = settings;
        this.clientName = clientName;
        this.apiKey = apiKey;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.sandboxUnlimited()) {
            policies.setLimitsIfNone(clients.ensureClientWithKey(clientName, apiKey), 0, 0);
        }
    }
}
