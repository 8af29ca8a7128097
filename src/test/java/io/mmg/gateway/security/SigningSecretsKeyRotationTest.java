package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.support.ProductionLikeGateway;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rotation of the key of secrets at rest for the clients' request-signing secrets (docs/request-signing.md): this
 * gateway runs with k2 current and k1 rotated out. The start-up step (SigningSecretsAtRest, run again here) moves a
 * secret under k1 to k2 and refuses to start when a secret is under a key it does not have.
 */
@ProductionLikeGateway
class SigningSecretsKeyRotationTest {

    static final String SECRET = "sig_rotationTestSecret0123456789abcdefghijklmnopqrs";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClientDirectory clients;
    @Autowired
    ClientPolicies policies;
    @Autowired
    SecretCipher cipher;
    @Autowired
    SigningSecretsAtRest signingSecretsAtRest;

    private final SecretCipher beforeRotation = new SecretCipher(ProductionLikeGateway.OLD_KEY, "", false);

    @Test
    void a_signing_secret_is_stored_encrypted_under_the_current_key() {
        UUID client = clients.createClient("signing-" + UUID.randomUUID()).clientId();

        policies.setSigningSecret(client, SECRET);

        assertThat(stored(client)).startsWith("v1:k2:").doesNotContain(SECRET.substring(4));
        assertThat(policies.policy(client).signingSecret()).isEqualTo(SECRET);
    }

    @Test
    void a_signing_secret_under_the_rotated_out_key_moves_to_the_current_key_and_still_verifies() {
        UUID client = policyWithStoredSecret(beforeRotation.encrypt(SECRET));

        int moved = signingSecretsAtRest.reEncrypt();

        assertThat(moved).isGreaterThanOrEqualTo(1);
        assertThat(stored(client)).startsWith("v1:k2:");
        assertThat(new SecretCipher(ProductionLikeGateway.CURRENT_KEY, "", false).decrypt(stored(client)))
                .isEqualTo(SECRET);
        assertThat(policies.policy(client).signingSecret()).isEqualTo(SECRET);
    }

    @Test
    void a_signing_secret_written_while_the_sandbox_was_on_moves_to_the_real_key() {
        UUID client = policyWithStoredSecret(new SecretCipher("", "", true).encrypt(SECRET));

        signingSecretsAtRest.reEncrypt();

        assertThat(stored(client)).startsWith("v1:k2:");
        assertThat(cipher.decrypt(stored(client))).isEqualTo(SECRET);
    }

    @Test
    void a_signing_secret_under_a_key_the_gateway_does_not_have_stops_the_start_naming_the_key() {
        String lostKey = "lost:" + Base64.getEncoder().encodeToString(new byte[32]);
        UUID client = policyWithStoredSecret(new SecretCipher(lostKey, "", false).encrypt(SECRET));
        try {
            assertThatThrownBy(signingSecretsAtRest::reEncrypt)
                    .isInstanceOfSatisfying(UnsafeConfigurationException.class, refused -> {
                        assertThat(refused.reason()).contains("Request-signing secrets").contains("[lost]");
                        assertThat(refused.fix()).contains("GATEWAY_SECRETS_KEYS").contains("signing-secret");
                    });
        } finally {
            jdbc.update("DELETE FROM client_policy WHERE client_id = ?", client);
        }
    }

    private UUID policyWithStoredSecret(String stored) {
        UUID client = clients.createClient("signing-" + UUID.randomUUID()).clientId();
        jdbc.update("INSERT INTO client_policy (client_id, signing_secret) VALUES (?, ?)", client, stored);
        return client;
    }

    private String stored(UUID client) {
        return jdbc.queryForObject("SELECT signing_secret FROM client_policy WHERE client_id = ?", String.class, client);
    }
}
