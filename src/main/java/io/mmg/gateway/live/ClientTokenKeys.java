package io.mmg.gateway.live;

import io.mmg.gateway.security.UnsafeConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HMAC keys that sign client tokens, from {@code gateway.live.signing-keys}: {@code <kid>:<base64 of at least 32
 * random bytes>}, comma separated. {@code gateway.live.current-key} names the one that signs (empty = the first); every
 * listed key still verifies, so a key rotated out stays listed for one token lifetime and is then removed (retired):
 * tokens signed with a retired key are refused.
 * <p>
 * Without a key the sandbox signs with a built-in one (kid {@value #SANDBOX_KEY_ID}), public in this source; it is
 * never used outside the sandbox, where the gateway issues no client tokens until a key is configured.
 */
public record ClientTokenKeys(Map<String, byte[]> keys, String currentKeyId) {

    public static final String SANDBOX_KEY_ID = "sandbox";
    static final int MIN_KEY_BYTES = 32;
    private static final byte[] SANDBOX_KEY =
            "mmg-sandbox-live-status-key-not-secret-0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final String FIX = "Set GATEWAY_LIVE_SIGNING_KEYS=<kid>:<key>, the key at least 32 random bytes in "
            + "Base64 (openssl rand -base64 32); keys rotated out stay listed after the current one";

    public ClientTokenKeys {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** The configured keys; none configured: the sandbox key with the sandbox on, no key at all without it. */
    public static ClientTokenKeys parse(String configured, String current, boolean sandbox) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : (configured == null ? "" : configured).split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!id.matches("[A-Za-z0-9_-]{1,32}") || id.equals(SANDBOX_KEY_ID) || keys.containsKey(id)) {
                throw new UnsafeConfigurationException("gateway.live.signing-keys has an entry that is not <kid>:<key> "
                        + "with a unique kid of 1 to 32 letters, digits, '-' or '_' (not 'sandbox')", FIX);
            }
            keys.put(id, decode(id, entry.substring(colon + 1).trim()));
        }
        if (keys.isEmpty()) {
            return sandbox ? new ClientTokenKeys(Map.of(SANDBOX_KEY_ID, SANDBOX_KEY), SANDBOX_KEY_ID)
                    : new ClientTokenKeys(Map.of(), null);
        }
        String currentId = current == null || current.isBlank() ? keys.keySet().iterator().next() : current.trim();
        if (!keys.containsKey(currentId)) {
            throw new UnsafeConfigurationException("gateway.live.current-key names '" + currentId
                    + "', which is not in gateway.live.signing-keys", FIX);
        }
        return new ClientTokenKeys(keys, currentId);
    }

    private static byte[] decode(String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new UnsafeConfigurationException("gateway.live.signing-keys: key '" + id + "' is not Base64", FIX);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new UnsafeConfigurationException("gateway.live.signing-keys: key '" + id + "' has " + key.length
                    + " bytes; HS256 needs at least " + MIN_KEY_BYTES, FIX);
        }
        return key;
    }

    public Optional<byte[]> key(String kid) {
        return Optional.ofNullable(kid).map(keys::get);
    }

    public boolean canSign() {
        return currentKeyId != null;
    }

    /** Never the key bytes: these records end up in logs and debuggers. */
    @Override
    public String toString() {
        return "ClientTokenKeys" + keys.keySet() + " current=" + currentKeyId;
    }
}
