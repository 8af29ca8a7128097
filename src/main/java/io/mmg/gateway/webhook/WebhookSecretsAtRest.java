package io.mmg.gateway.webhook;

import io.mmg.gateway.security.EncryptionKeys;
import io.mmg.gateway.security.SecretCipher;
import io.mmg.gateway.security.SecretCipher.SecretDecryptionException;
import io.mmg.gateway.security.UnsafeConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The start-up step of secrets at rest (README "Secrets at rest"): before the port opens and before the delivery
 * worker starts, every webhook signing secret that is still in clear (stored before encryption came) or under a
 * key other than the current one (after a key rotation) is re-encrypted under the current key. A secret that
 * cannot be decrypted (its key is not configured, or is not the key that encrypted it) stops the start, with the
 * key's id: starting anyway would sign that merchant's webhooks with nothing it could verify.
 * <p>
 * Each row is changed only if it still holds the values read (compare and set), so a rotation made meanwhile by
 * another instance is kept, and two instances starting together do the work once.
 */
@Component
public class WebhookSecretsAtRest implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretsAtRest.class);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public WebhookSecretsAtRest(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int moved = reEncrypt();
        if (moved > 0) {
            log.info("Re-encrypted the webhook signing secrets of {} endpoint(s) under the key '{}'", moved,
                    cipher.currentKeyId());
        }
    }

    /** Re-encrypts what needs it under the current key; the number of endpoints changed. */
    public int reEncrypt() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT client_id, secret, previous_secret FROM webhook_endpoint");
        Set<String> unreadableKeys = new TreeSet<>();
        int moved = 0;
        int exposed = 0;
        for (Map<String, Object> row : rows) {
            String secret = (String) row.get("secret");
            String previous = (String) row.get("previous_secret");
            if (!cipher.needsReEncryption(secret) && !cipher.needsReEncryption(previous)) {
                continue;
            }
            if (underSandboxKey(secret) || underSandboxKey(previous)) {
                exposed++;
            }
            try {
                moved += jdbc.update("""
                        UPDATE webhook_endpoint SET secret = ?, previous_secret = ?
                         WHERE client_id = ? AND secret = ? AND previous_secret IS NOT DISTINCT FROM ?""",
                        reEncrypted(secret), reEncrypted(previous), (UUID) row.get("client_id"), secret, previous);
            } catch (SecretDecryptionException e) {
                unreadableKeys.add(e.keyId());
            }
        }
        if (!unreadableKeys.isEmpty()) {
            throw new UnsafeConfigurationException("Webhook signing secrets are stored under the key(s) " + unreadableKeys
                    + ", which gateway.secrets.keys does not have or has with another value, so they cannot be read",
                    "Add the key(s) that encrypted them to GATEWAY_SECRETS_KEYS (a key rotated out stays listed until "
                            + "a start has moved every secret to the current key); if a key is lost, delete those "
                            + "rows of webhook_endpoint and have the merchants set their endpoints again");
        }
        if (exposed > 0) {
            log.warn("{} webhook endpoint(s) had signing secrets under the sandbox's built-in key, which is public: "
                    + "they are now under '{}'; ask those merchants to rotate them (POST /api/v1/webhook-endpoint/"
                    + "rotate-secret)", exposed, cipher.currentKeyId());
        }
        return moved;
    }

    /** Moved off the sandbox's public key: only happens once the sandbox is off or a real key is configured. */
    private boolean underSandboxKey(String stored) {
        return stored != null && cipher.needsReEncryption(stored)
                && stored.startsWith("v1:" + EncryptionKeys.SANDBOX_KEY_ID + ":");
    }

    private String reEncrypted(String stored) {
        return stored == null || !cipher.needsReEncryption(stored) ? stored
                : cipher.encrypt(Objects.requireNonNull(cipher.decrypt(stored)));
    }
}
