package io.mmg.gateway.security;

import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that encrypt secrets at rest (README "Secrets at rest"), from {@code gateway.secrets.keys}:
 * {@code <id>:<base64 of 32 random bytes>}, comma separated. {@code gateway.secrets.current-key} names the key that
 * encrypts (empty = the first listed); every listed key decrypts, so a key that was rotated out stays listed until
 * no row is encrypted under it.
 * <p>
 * Without a key the sandbox uses a built-in one (id {@value #SANDBOX_KEY_ID}). It is public, in this source, so
 * it protects nothing and never encrypts outside the sandbox; it still decrypts there, so rows written while the
 * sandbox was on move under a real key at start-up. Outside the sandbox, no key means no start.
 */
public record EncryptionKeys(Map<String, SecretKey> keys, String currentKeyId) {

    public static final String SANDBOX_KEY_ID = "sandbox";
    static final int KEY_BYTES = 32;
    private static final String FIX = "Set GATEWAY_SECRETS_KEYS=<id>:<key>, the key being 32 random bytes in Base64 "
            + "(openssl rand -base64 32), e.g. k1:$(openssl rand -base64 32); old keys stay listed after the current one";

    public EncryptionKeys {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /**
     * The keys as configured, or the refusal to start with them.
     *
     * @param configured {@code gateway.secrets.keys}
     * @param current    {@code gateway.secrets.current-key}, empty = the first configured key
     * @param sandbox    {@code gateway.sandbox.enabled}
     */
    public static EncryptionKeys parse(String configured, String current, boolean sandbox) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : (configured == null ? "" : configured).split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new UnsafeConfigurationException("gateway.secrets.keys has an entry that is not <id>:<key> "
                        + "(an id of 1 to 32 letters, digits, '-' or '_', a colon, then the key)", FIX);
            }
            if (id.equals(SANDBOX_KEY_ID) || keys.containsKey(id)) {
                throw new UnsafeConfigurationException("gateway.secrets.keys names the key id '" + id + "' "
                        + (keys.containsKey(id) ? "twice" : "reserved for the sandbox's built-in key"), FIX);
            }
            keys.put(id, aesKey(id, entry.substring(colon + 1).trim()));
            first = first == null ? id : first;
        }
        String currentId = current == null || current.isBlank() ? first : current.trim();
        if (first == null && !sandbox) {
            throw new UnsafeConfigurationException("No key is configured to encrypt webhook signing secrets at rest "
                    + "(gateway.secrets.keys), and outside the sandbox there is no built-in one", FIX);
        }
        if (currentId != null && !keys.containsKey(currentId)) {
            throw new UnsafeConfigurationException("gateway.secrets.current-key names '" + currentId
                    + "', which is not one of the ids in gateway.secrets.keys", "Set GATEWAY_SECRETS_CURRENT_KEY to one "
                    + "of the configured ids, or leave it empty to encrypt with the first key listed");
        }
        keys.put(SANDBOX_KEY_ID, sandboxKey());
        return new EncryptionKeys(keys, currentId == null ? SANDBOX_KEY_ID : currentId);
    }

    public SecretKey current() {
        return keys.get(currentKeyId);
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UnsafeConfigurationException("gateway.secrets.keys: the key '" + id + "' is not valid Base64", FIX);
        }
        if (bytes.length != KEY_BYTES) {
            throw new UnsafeConfigurationException("gateway.secrets.keys: the key '" + id + "' is " + bytes.length
                    + " bytes long; AES-256 needs " + KEY_BYTES, FIX);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Public by design: the sandbox's secrets are test values (see the class comment). */
    private static SecretKey sandboxKey() {
        return new SecretKeySpec(HexFormat.of().parseHex(Secrets.sha256("mobile-money-gateway sandbox key: not a secret")),
                "AES");
    }

    @Override
    public String toString() {
        return "EncryptionKeys[ids=" + keys.keySet() + ", current=" + currentKeyId + "]";
    }
}
