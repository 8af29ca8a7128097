package io.mmg.gateway.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The operator console's sessions (docs/console.md): an API key is exchanged once for a random session token kept
 * in an HttpOnly cookie, so the key never sits in the browser. Rows hold hashes only (V96). A session lives as long
 * as the key it was opened with: revoking that merchant key, deactivating the merchant or changing the admin key
 * ends it at the next request.
 */
@Component
public class ConsoleSessions {

    /** The cookie that carries the session token. */
    public static final String COOKIE = "mmg_console";
    /** The header in which the console sends the session's CSRF token back on every state-changing call. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** An open session: the admin's (no client) or a merchant's. */
    public record Session(UUID clientId, String clientName, String operator, String csrfToken, Instant expiresAt) {
        public boolean admin() {
            return clientId == null;
        }
    }

    /** A session just opened: the token goes into the cookie and nowhere else. */
    public record Opened(String token, Session session) {
    }

    private final JdbcTemplate jdbc;
    private final ClientDirectory clients;
    private final String adminKey;
    private final Duration lifetime;
    private final Clock clock;

    public ConsoleSessions(JdbcTemplate jdbc, ClientDirectory clients,
                           @Value("${gateway.admin.api-key:}") String adminKey,
                           @Value("${gateway.console.session-lifetime:8h}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.adminKey = adminKey;
        this.lifetime = lifetime;
        this.clock = Clock.systemUTC();
    }

    /** Opens a session for a valid merchant or admin key; empty for any other key. */
    public Optional<Opened> open(String apiKey, String operator) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        String key = apiKey.trim();
        UUID clientId;
        String clientName;
        if (!adminKey.isBlank() && Secrets.constantTimeEquals(adminKey, key)) {
            clientId = null;
            clientName = null;
        } else {
            Optional<AuthenticatedClient> client = clients.findByApiKey(key);
            if (client.isEmpty()) {
                return Optional.empty();
            }
            clientId = client.get().id();
            clientName = client.get().name();
        }
        Instant now = clock.instant();
        jdbc.update("DELETE FROM console_session WHERE expires_at < ?", Timestamp.from(now));
        String token = Secrets.random("cs_");
        Session session = new Session(clientId, clientName, blankToNull(operator), Secrets.random(""),
                now.plus(lifetime));
        jdbc.update("""
                INSERT INTO console_session (token_hash, client_id, key_hash, csrf_token, operator, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""", Secrets.sha256(token), clientId, Secrets.sha256(key),
                session.csrfToken(), session.operator(), Timestamp.from(session.expiresAt()));
        return Optional.of(new Opened(token, session));
    }

    /** The session of this token while it and its key are valid. */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        List<Session> found = jdbc.query("""
                SELECT s.client_id, c.name, s.operator, s.csrf_token, s.expires_at FROM console_session s
                  LEFT JOIN client c ON c.id = s.client_id
                 WHERE s.token_hash = ? AND s.expires_at > ?
                   AND (s.client_id IS NULL AND s.key_hash = ?
                        OR c.active AND EXISTS (SELECT 1 FROM api_key k WHERE k.key_hash = s.key_hash
                                                   AND k.client_id = s.client_id AND k.revoked_at IS NULL))""",
                (row, i) -> new Session(row.getObject("client_id", UUID.class), row.getString("name"),
                        row.getString("operator"), row.getString("csrf_token"),
                        row.getTimestamp("expires_at").toInstant()),
                Secrets.sha256(token), Timestamp.from(clock.instant()), adminKeyHash());
        return found.stream().findFirst();
    }

    /** Ends the session (logout); nothing happens for an unknown token. */
    public void close(String token) {
        if (token != null) {
            jdbc.update("DELETE FROM console_session WHERE token_hash = ?", Secrets.sha256(token));
        }
    }

    /** No admin key configured = no admin session can match. */
    private String adminKeyHash() {
        return adminKey.isBlank() ? "" : Secrets.sha256(adminKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
