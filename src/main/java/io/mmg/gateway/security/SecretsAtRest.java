package io.mmg.gateway.security;

import io.mmg.gateway.security.SecretCipher.SecretDecryptionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves the secrets of one table under the current key (README "Secrets at rest"): every value still in clear
 * (stored before encryption came) or under another key (after a rotation) is re-encrypted. A value that cannot be
 * decrypted (its key is not configured, or is not the key that encrypted it) stops the start, naming the key:
 * starting anyway would sign with a secret nobody could verify. Each row changes only if it still holds the values
 * read (compare and set), so a change made meanwhile by another instance is kept, and instances starting together do
 * the work once. Run at start-up, before the port opens, for each table of such secrets
 * ({@code webhook.WebhookSecretsAtRest}, {@link SigningSecretsAtRest}).
 */
@Component
public class SecretsAtRest {

    private static final Logger log = LoggerFactory.getLogger(SecretsAtRest.class);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public SecretsAtRest(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Where a kind of secret is stored, and what to tell the operator about it.
     *
     * @param what         the secrets, for messages ("Webhook signing secrets")
     * @param table        the table, keyed by {@code client_id}
     * @param columns      its columns holding {@link SecretCipher} values (nullable)
     * @param whenKeyLost  the fix when a key is lost, after "add the key(s) that encrypted them"
     * @param whenExposed  what to ask of the merchants whose secrets were under the sandbox's public key
     */
    public record Stored(String what, String table, List<String> columns, String whenKeyLost, String whenExposed) {
    }

    /** Re-encrypts what needs it under the current key; the number of rows changed. */
    public int reEncrypt(Stored stored) {
        String columns = String.join(", ", stored.columns());
        String assignments = stored.columns().stream().map(column -> column + " = ?").collect(Collectors.joining(", "));
        String unchanged = stored.columns().stream().map(column -> " AND " + column + " IS NOT DISTINCT FROM ?")
                .collect(Collectors.joining());
        String update = "UPDATE " + stored.table() + " SET " + assignments + " WHERE client_id = ?" + unchanged;
        Set<String> unreadableKeys = new TreeSet<>();
        int moved = 0;
        int exposed = 0;
        for (Map<String, Object> row : jdbc.queryForList("SELECT client_id, " + columns + " FROM " + stored.table())) {
            List<String> values = stored.columns().stream().map(column -> (String) row.get(column)).toList();
            if (values.stream().noneMatch(cipher::needsReEncryption)) {
                continue;
            }
            if (values.stream().anyMatch(this::underSandboxKey)) {
                exposed++;
            }
            try {
                List<Object> parameters = new ArrayList<>();
                values.forEach(value -> parameters.add(reEncrypted(value)));
                parameters.add(row.get("client_id"));
                parameters.addAll(values);
                moved += jdbc.update(update, parameters.toArray());
            } catch (SecretDecryptionException e) {
                unreadableKeys.add(e.keyId());
            }
        }
        if (!unreadableKeys.isEmpty()) {
            throw new UnsafeConfigurationException(stored.what() + " are stored under the key(s) " + unreadableKeys
                    + ", which gateway.secrets.keys does not have or has with another value, so they cannot be read",
                    "Add the key(s) that encrypted them to GATEWAY_SECRETS_KEYS (a key rotated out stays listed until "
                            + "a start has moved every secret to the current key); " + stored.whenKeyLost());
        }
        if (exposed > 0) {
            log.warn("{} row(s) of {} had secrets under the sandbox's built-in key, which is public: they are now "
                    + "under '{}'; {}", exposed, stored.table(), cipher.currentKeyId(), stored.whenExposed());
        }
        if (moved > 0) {
            log.info("Re-encrypted {} of {} row(s) under the key '{}'", stored.what().toLowerCase(), moved,
                    cipher.currentKeyId());
        }
        return moved;
    }

    /** Moved off the sandbox's public key: only happens once the sandbox is off or a real key is configured. */
    private boolean underSandboxKey(String stored) {
        return stored != null && cipher.needsReEncryption(stored)
                && stored.startsWith(SecretCipher.VERSION + ":" + EncryptionKeys.SANDBOX_KEY_ID + ":");
    }

    private String reEncrypted(String stored) {
        return stored == null || !cipher.needsReEncryption(stored) ? stored
                : cipher.encrypt(Objects.requireNonNull(cipher.decrypt(stored)));
    }
}
