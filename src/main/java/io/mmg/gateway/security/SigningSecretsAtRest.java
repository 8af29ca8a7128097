package io.mmg.gateway.security;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The start-up step of secrets at rest for the clients' request-signing secrets (client_policy.signing_secret,
 * docs/request-signing.md): before the port opens, every one under a key other than the current one moves under the
 * current key ({@link SecretsAtRest}); one under a key the gateway does not have stops the start, rather than
 * refusing every signed request of that client with an error nobody could act on.
 */
@Component
public class SigningSecretsAtRest implements SmartInitializingSingleton {

    static final SecretsAtRest.Stored SIGNING_SECRETS = new SecretsAtRest.Stored("Request-signing secrets",
            "client_policy", List.of("signing_secret"),
            "if a key is lost, give those clients new secrets (POST /api/v1/admin/clients/{id}/signing-secret)",
            "give those clients new secrets (POST /api/v1/admin/clients/{id}/signing-secret)");

    private final SecretsAtRest secretsAtRest;

    public SigningSecretsAtRest(SecretsAtRest secretsAtRest) {
        this.secretsAtRest = secretsAtRest;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reEncrypt();
    }

    /** Re-encrypts what needs it under the current key; the number of clients changed. */
    public int reEncrypt() {
        return secretsAtRest.reEncrypt(SIGNING_SECRETS);
    }
}
