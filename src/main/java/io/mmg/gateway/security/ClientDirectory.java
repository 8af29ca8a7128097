package io.mmg.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients (merchants) and their API keys. Keys are stored hashed; a plain key is shown once, when
 * issued. Lookups are cached briefly because authentication runs on every request: a revoked key
 * stops working within {@link #CACHE_TTL}.
 */
@Component
public class ClientDirectory {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final int KEY_PREFIX_LENGTH = 12;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, CachedClient> byKeyHash = new ConcurrentHashMap<>();

    public ClientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    public Optional<AuthenticatedClient> findByApiKey(String apiKey) {
        String hash = Secrets.sha256(apiKey);
        Instant now = clock.instant();
        CachedClient cached = byKeyHash.get(hash);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return Optional.of(cached.client());
        }
        List<AuthenticatedClient> found = jdbc.query("""
                SELECT c.id, c.name FROM api_key k JOIN client c ON c.id = k.client_id
                 WHERE k.key_hash = ? AND k.revoked_at IS NULL AND c.active""",
                (row, i) -> new AuthenticatedClient(row.getObject("id", UUID.class), row.getString("name")), hash);
        if (found.isEmpty()) {
            byKeyHash.remove(hash);
            return Optional.empty();
        }
        byKeyHash.put(hash, new CachedClient(found.get(0), now.plus(CACHE_TTL)));
        return Optional.of(found.get(0));
    }

    /** Creates a client and its first key; the returned key is the only time it is seen in clear. */
    @Transactional
    public IssuedKey createClient(String name) {
        UUID clientId = UUID.randomUUID();
        jdbc.update("INSERT INTO client (id, name) VALUES (?, ?)", clientId, name);
        return issueKey(clientId);
    }

    /** A new key for an existing client; older keys keep working until revoked (rotation). */
    @Transactional
    public IssuedKey issueKey(UUID clientId) {
        String key = Secrets.random("sk_live_");
        return store(clientId, key);
    }

    /** Revokes a key of a client; answers false when the client has no such active key. */
    public boolean revokeKey(UUID clientId, UUID keyId) {
        int revoked = jdbc.update(
                "UPDATE api_key SET revoked_at = now() WHERE id = ? AND client_id = ? AND revoked_at IS NULL",
                keyId, clientId);
        byKeyHash.clear();
        return revoked == 1;
    }

    public boolean exists(UUID clientId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM client WHERE id = ?", Integer.class, clientId);
        return count != null && count > 0;
    }

    /** Makes sure a client with exactly this key exists (the sandbox's well-known key). */
    @Transactional
    public UUID ensureClientWithKey(String name, String key) {
        List<UUID> existing = jdbc.queryForList(
                "SELECT client_id FROM api_key WHERE key_hash = ?", UUID.class, Secrets.sha256(key));
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        UUID clientId = UUID.randomUUID();
        jdbc.update("INSERT INTO client (id, name) VALUES (?, ?)", clientId, name);
        store(clientId, key);
        return clientId;
    }

    private IssuedKey store(UUID clientId, String key) {
        UUID keyId = UUID.randomUUID();
        jdbc.update("INSERT INTO api_key (id, client_id, key_hash, key_prefix) VALUES (?, ?, ?, ?)",
                keyId, clientId, Secrets.sha256(key), key.substring(0, Math.min(KEY_PREFIX_LENGTH, key.length())));
        return new IssuedKey(clientId, keyId, key);
    }

    public record IssuedKey(UUID clientId, UUID keyId, String apiKey) {
    }

    private record CachedClient(AuthenticatedClient client, Instant expiresAt) {
    }
}
