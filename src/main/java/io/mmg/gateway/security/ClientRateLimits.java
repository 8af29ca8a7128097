package io.mmg.gateway.security;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a client's calls of one kind in windows of one minute, across every gateway instance on the database
 * (client_rate_limit, V89): one INSERT ... ON CONFLICT DO UPDATE ... RETURNING per call, as SharedTokenBucket does
 * for provider limits, and the database's clock decides. A window starts with the first call after the previous
 * one ended, so a limit of N lets at most N calls through in any window (no burst across a calendar minute) and
 * RateLimit-Reset is exact. Refused calls are counted too: a client that keeps hammering stays refused until its
 * window ends, and counting never needs a second statement.
 */
@Component
public class ClientRateLimits {

    static final int WINDOW_SECONDS = 60;

    private static final String TAKE = """
            INSERT INTO client_rate_limit AS l (client_id, kind, window_start, used)
            VALUES (?, ?, clock_timestamp(), 1)
            ON CONFLICT (client_id, kind) DO UPDATE
               SET used = CASE WHEN l.window_start > EXCLUDED.window_start - make_interval(secs => ?)
                               THEN LEAST(l.used, 2000000000) + 1 ELSE 1 END,
                   window_start = CASE WHEN l.window_start > EXCLUDED.window_start - make_interval(secs => ?)
                                       THEN l.window_start ELSE EXCLUDED.window_start END
            RETURNING used, EXTRACT(EPOCH FROM l.window_start + make_interval(secs => ?) - clock_timestamp())::float8""";

    private final JdbcTemplate jdbc;

    public ClientRateLimits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one call against the limit and says whether it may go. */
    public Permit take(UUID clientId, CallKind kind, int limit) {
        return jdbc.queryForObject(TAKE, (row, i) -> {
            int used = row.getInt(1);
            long reset = Math.max(1, (long) Math.ceil(row.getDouble(2)));
            return new Permit(limit, used, reset);
        }, clientId, kind.name(), WINDOW_SECONDS, WINDOW_SECONDS, WINDOW_SECONDS);
    }

    /** The outcome of one call: the limit, the calls counted in this window, seconds until the window ends. */
    public record Permit(int limit, int used, long resetSeconds) {

        public boolean allowed() {
            return used <= limit;
        }

        public int remaining() {
            return Math.max(0, limit - used);
        }
    }
}
