package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sandbox API users and their API keys (provisioning, docs/providers.md#mtn-sandbox-provisioning), checked as HTTP Basic on the
 * product token endpoints (docs/providers.md#mtn-tokens). The configured user exists from the start and may call every product.
 */
@Component
@ConditionalOnSandbox
public class MtnSandboxCredentials {

    /** Sandbox users only ever reach the sandbox environment (docs/providers.md#mtn-hosts). */
    static final String TARGET_ENVIRONMENT = "sandbox";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An API user; it keeps every key generated for it (whether MTN revokes older keys is UNCONFIRMED, docs/providers.md#mtn-sandbox-provisioning). */
    public record ApiUser(String id, String providerCallbackHost, Set<String> apiKeys) {
    }

    private final Map<String, ApiUser> users = new ConcurrentHashMap<>();

    public MtnSandboxCredentials(MtnSandboxProperties properties) {
        ApiUser provisioned = new ApiUser(normalise(properties.apiUser()), properties.callbackHost(),
                ConcurrentHashMap.newKeySet());
        provisioned.apiKeys().add(properties.apiKey());
        users.put(provisioned.id(), provisioned);
    }

    /** False when the id is taken. */
    public boolean create(String id, String providerCallbackHost) {
        return users.putIfAbsent(normalise(id),
                new ApiUser(normalise(id), providerCallbackHost, ConcurrentHashMap.newKeySet())) == null;
    }

    public Optional<ApiUser> find(String id) {
        return Optional.ofNullable(users.get(normalise(id)));
    }

    /** A new 32-hex-character key, like MTN's (docs/providers.md#mtn-sandbox-provisioning). */
    public Optional<String> newApiKey(String id) {
        return find(id).map(user -> {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String key = HexFormat.of().formatHex(bytes);
            user.apiKeys().add(key);
            return key;
        });
    }

    /** The user named by an {@code Authorization: Basic base64(apiUser:apiKey)} header, if the key is right. */
    public Optional<ApiUser> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        byte[] presented = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return find(decoded.substring(0, colon)).filter(user -> user.apiKeys().stream()
                .anyMatch(key -> MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), presented)));
    }

    private static String normalise(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }
}
