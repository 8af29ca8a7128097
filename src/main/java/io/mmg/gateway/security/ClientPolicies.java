package io.mmg.gateway.security;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each client's guards (client_policy, V89), read on every merchant request and so cached briefly like the API
 * keys (ClientDirectory): a change made on another instance applies here within {@link #CACHE_TTL}, on this
 * instance at once. The signing secret is stored encrypted (SecretCipher) and held in clear only in this cache.
 */
@Component
public class ClientPolicies {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final Map<UUID, Cached> byClient = new ConcurrentHashMap<>();

    public ClientPolicies(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public ClientPolicy policy(UUID clientId) {
        Instant now = Instant.now();
        Cached cached = byClient.get(clientId);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return cached.policy();
        }
        ClientPolicy policy = load(clientId).orElse(ClientPolicy.DEFAULT);
        byClient.put(clientId, new Cached(policy, now.plus(CACHE_TTL)));
        return policy;
    }

    /** Sets the rate limits (null = the default, 0 = unlimited) and the allowed sources, already validated. */
    public void setLimitsAndSources(UUID clientId, Integer initiationsPerMinute, Integer readsPerMinute,
                                    List<String> allowedSources) {
        jdbc.update("""
                INSERT INTO client_policy (client_id, initiations_per_minute, reads_per_minute, allowed_sources)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (client_id) DO UPDATE
                   SET initiations_per_minute = EXCLUDED.initiations_per_minute,
                       reads_per_minute = EXCLUDED.reads_per_minute,
                       allowed_sources = EXCLUDED.allowed_sources, updated_at = now()""",
                clientId, initiationsPerMinute, readsPerMinute, allowedSources.toArray(String[]::new));
        byClient.remove(clientId);
    }

    /** Gives a client limits of its own only if it has none yet (the sandbox merchant at start-up). */
    public void setLimitsIfNone(UUID clientId, int initiationsPerMinute, int readsPerMinute) {
        jdbc.update("""
                INSERT INTO client_policy (client_id, initiations_per_minute, reads_per_minute)
                VALUES (?, ?, ?) ON CONFLICT (client_id) DO NOTHING""",
                clientId, initiationsPerMinute, readsPerMinute);
        byClient.remove(clientId);
    }

    /** Requires signed requests from now on, with this secret (null = no longer required). */
    public void setSigningSecret(UUID clientId, String secret) {
        jdbc.update("""
                INSERT INTO client_policy (client_id, signing_secret) VALUES (?, ?)
                ON CONFLICT (client_id) DO UPDATE SET signing_secret = EXCLUDED.signing_secret, updated_at = now()""",
                clientId, secret == null ? null : cipher.encrypt(secret));
        byClient.remove(clientId);
    }

    private Optional<ClientPolicy> load(UUID clientId) {
        return jdbc.query("""
                SELECT initiations_per_minute, reads_per_minute, allowed_sources, signing_secret
                  FROM client_policy WHERE client_id = ?""", (row, i) -> {
            List<String> sources = strings(row.getArray("allowed_sources"));
            return new ClientPolicy((Integer) row.getObject("initiations_per_minute"),
                    (Integer) row.getObject("reads_per_minute"), sources,
                    CallbackSources.parse(String.join(",", sources)), cipher.decrypt(row.getString("signing_secret")));
        }, clientId).stream().findFirst();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record Cached(ClientPolicy policy, Instant expiresAt) {
    }
}
