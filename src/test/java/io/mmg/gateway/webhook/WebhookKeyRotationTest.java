package io.mmg.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.security.ClientDirectory;
import io.mmg.gateway.security.EncryptionKeys;
import io.mmg.gateway.security.SecretCipher;
import io.mmg.gateway.security.UnsafeConfigurationException;
import io.mmg.gateway.support.ProductionLikeGateway;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rotation of the key of secrets at rest (README "Secrets at rest"): this gateway runs with k2 current and k1 rotated
 * out. The start-up step (WebhookSecretsAtRest, run again here) moves secrets stored in clear or under k1 to k2,
 * and refuses to start when a secret is under a key it does not have.
 */
@ProductionLikeGateway
class WebhookKeyRotationTest {

    static final String SECRET = "whsec_rotationTestSecret0123456789abcdefghijklmnop";
    static final String PREVIOUS = "whsec_previousTestSecret0123456789abcdefghijklmno";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClientDirectory clients;
    @Autowired
    SecretCipher cipher;
    @Autowired
    WebhookSecretsAtRest secretsAtRest;

    private final SecretCipher beforeRotation = new SecretCipher(ProductionLikeGateway.OLD_KEY, "", false);

    @Test
    void secrets_stored_in_clear_before_encryption_are_encrypted_under_the_current_key() {
        UUID client = endpoint(SECRET, PREVIOUS);

        secretsAtRest.reEncrypt();

        Map<String, Object> row = row(client);
        assertThat((String) row.get("secret")).startsWith("v1:k2:").doesNotContain(SECRET.substring(6));
        assertThat((String) row.get("previous_secret")).startsWith("v1:k2:").doesNotContain(PREVIOUS.substring(6));
        assertThat(cipher.decrypt((String) row.get("secret"))).isEqualTo(SECRET);
        assertThat(cipher.decrypt((String) row.get("previous_secret"))).isEqualTo(PREVIOUS);
    }

    @Test
    void secrets_under_the_rotated_out_key_still_read_and_move_to_the_current_key() {
        UUID client = endpoint(beforeRotation.encrypt(SECRET), null);
        assertThat(cipher.decrypt((String) row(client).get("secret"))).isEqualTo(SECRET);

        secretsAtRest.reEncrypt();

        String moved = (String) row(client).get("secret");
        assertThat(moved).startsWith("v1:k2:");
        assertThat(new SecretCipher(ProductionLikeGateway.CURRENT_KEY, "", false).decrypt(moved)).isEqualTo(SECRET);
        assertThat(WebhookSignature.sign(cipher.decrypt(moved), 1700000000L, "{}"))
                .isEqualTo(WebhookSignature.sign(SECRET, 1700000000L, "{}"));
    }

    @Test
    void secrets_written_while_the_sandbox_was_on_move_to_the_real_key() {
        UUID client = endpoint(new SecretCipher("", "", true).encrypt(SECRET), null);

        secretsAtRest.reEncrypt();

        assertThat((String) row(client).get("secret")).startsWith("v1:k2:");
        assertThat(cipher.decrypt((String) row(client).get("secret"))).isEqualTo(SECRET);
        assertThat(EncryptionKeys.SANDBOX_KEY_ID).isEqualTo("sandbox");
    }

    @Test
    void a_secret_under_a_key_the_gateway_does_not_have_stops_the_start_naming_the_key() {
        String lostKey = "lost:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        UUID client = endpoint(new SecretCipher(lostKey, "", false).encrypt(SECRET), null);
        try {
            assertThatThrownBy(secretsAtRest::reEncrypt)
                    .isInstanceOfSatisfying(UnsafeConfigurationException.class, refused -> {
                        assertThat(refused.reason()).contains("[lost]");
                        assertThat(refused.fix()).contains("GATEWAY_SECRETS_KEYS");
                    });
        } finally {
            jdbc.update("DELETE FROM webhook_endpoint WHERE client_id = ?", client);
        }
    }

    private UUID endpoint(String secret, String previous) {
        UUID client = clients.createClient("rotation-" + UUID.randomUUID()).clientId();
        jdbc.update("INSERT INTO webhook_endpoint (client_id, url, secret, previous_secret) VALUES (?, ?, ?, ?)",
                client, "https://shop.example.com/hooks", secret, previous);
        return client;
    }

    private Map<String, Object> row(UUID client) {
        return jdbc.queryForMap("SELECT secret, previous_secret FROM webhook_endpoint WHERE client_id = ?", client);
    }
}
