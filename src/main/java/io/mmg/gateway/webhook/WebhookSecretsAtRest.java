package io.mmg.gateway.webhook;

import io.mmg.gateway.security.SecretsAtRest;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The start-up step of secrets at rest for webhook signing secrets (README "Secrets at rest"): before the port opens
 * and before the delivery worker starts, every secret in clear or under a key other than the current one moves under
 * the current key ({@link SecretsAtRest}); one under a key the gateway does not have stops the start.
 */
@Component
public class WebhookSecretsAtRest implements SmartInitializingSingleton {

    static final SecretsAtRest.Stored WEBHOOK_SECRETS = new SecretsAtRest.Stored("Webhook signing secrets",
            "webhook_endpoint", List.of("secret", "previous_secret"),
            "if a key is lost, delete those rows of webhook_endpoint and have the merchants set their endpoints again",
            "ask those merchants to rotate them (POST /api/v1/webhook-endpoint/rotate-secret)");

    private final SecretsAtRest secretsAtRest;

    public WebhookSecretsAtRest(SecretsAtRest secretsAtRest) {
        this.secretsAtRest = secretsAtRest;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reEncrypt();
    }

    /** Re-encrypts what needs it under the current key; the number of endpoints changed. */
    public int reEncrypt() {
        return secretsAtRest.reEncrypt(WEBHOOK_SECRETS);
    }
}
