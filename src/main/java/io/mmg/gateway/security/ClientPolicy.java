package io.mmg.gateway.security;

import java.util.List;

/**
 * A client's own guards (client_policy): rate limits per minute (null = the default, 0 = unlimited), the source
 * addresses it may call from (empty = any) and, when it requires signed requests, its signing secret in clear.
 */
public record ClientPolicy(Integer initiationsPerMinute, Integer readsPerMinute, List<String> allowedSources,
                           CallbackSources sources, String signingSecret) {

    static final ClientPolicy DEFAULT = new ClientPolicy(null, null, List.of(), CallbackSources.parse(""), null);

    public boolean requiresSignature() {
        return signingSecret != null;
    }

    /** The per-minute limit for this kind of call: the client's own, else the default; 0 = unlimited. */
    public int limit(CallKind kind, RateLimitSettings defaults) {
        Integer own = kind == CallKind.INITIATION ? initiationsPerMinute : readsPerMinute;
        if (own != null) {
            return own;
        }
        return kind == CallKind.INITIATION ? defaults.initiationsPerMinute() : defaults.readsPerMinute();
    }
}
