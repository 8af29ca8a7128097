package io.mmg.gateway.security;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ReplyHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * A client's own guards, applied right after its API key is recognised (ApiKeyAuthenticator), so they reach every
 * merchant route: the source address against its allowlist (403), the signature when it requires signed requests
 * (400/401), then its rate limit for this kind of call (429). The RateLimit-* headers go on every answer.
 */
@Component
public class ClientGuard {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";

    private final ClientPolicies policies;
    private final ClientRateLimits limits;
    private final RateLimitSettings defaults;
    private final RequestSignatures signatures;

    public ClientGuard(ClientPolicies policies, ClientRateLimits limits, RateLimitSettings defaults,
                       RequestSignatures signatures) {
        this.policies = policies;
        this.limits = limits;
        this.defaults = defaults;
        this.signatures = signatures;
    }

    public void check(Exchange exchange, AuthenticatedClient client) {
        check(exchange, client, true);
    }

    /** {@code verifySignature} false: a console session, opened with the key, stands for the request signature. */
    public void check(Exchange exchange, AuthenticatedClient client, boolean verifySignature) {
        ClientPolicy policy = policies.policy(client.id());
        HttpServletRequest request = request(exchange);
        Message message = exchange.getMessage();
        String method = request != null ? request.getMethod() : message.getHeader(Exchange.HTTP_METHOD, String.class);
        String path = request != null ? request.getRequestURI() : message.getHeader(Exchange.HTTP_URI, String.class);
        if (!policy.sources().isEmpty()) {
            String source = request == null ? null : request.getRemoteAddr();
            if (!policy.sources().allows(source)) {
                throw new ApiException(ErrorCode.IP_NOT_ALLOWED,
                        "This client's API keys may not be used from this address", Map.of("source", String.valueOf(source)));
            }
        }
        if (verifySignature && policy.requiresSignature()) {
            String query = request != null ? request.getQueryString() : message.getHeader(Exchange.HTTP_QUERY, String.class);
            signatures.verify(policy.signingSecret(), message.getHeader(RequestSignatures.TIMESTAMP, String.class),
                    message.getHeader(RequestSignatures.SIGNATURE, String.class), String.valueOf(method),
                    query == null || query.isEmpty() ? path : path + "?" + query, body(exchange));
        }
        CallKind kind = CallKind.of(method, path);
        int limit = policy.limit(kind, defaults);
        if (limit == 0) {
            return;
        }
        ClientRateLimits.Permit permit = limits.take(client.id(), kind, limit);
        ReplyHeaders.put(exchange, LIMIT, String.valueOf(permit.limit()));
        ReplyHeaders.put(exchange, REMAINING, String.valueOf(permit.remaining()));
        ReplyHeaders.put(exchange, RESET, String.valueOf(permit.resetSeconds()));
        if (!permit.allowed()) {
            ReplyHeaders.put(exchange, RETRY_AFTER, String.valueOf(permit.resetSeconds()));
            throw new ApiException(ErrorCode.RATE_LIMITED, "Too many " + (kind == CallKind.INITIATION
                    ? "payment initiations" : "reads") + " for this client: at most " + limit + " a minute",
                    Map.of("kind", kind.name(), "limit", limit, "retryAfterSeconds", permit.resetSeconds()));
        }
    }

    private static HttpServletRequest request(Exchange exchange) {
        return exchange.getMessage() instanceof PlatformHttpMessage http ? http.getRequest() : null;
    }

    /** The raw body for the signature, leaving it readable for the route (a stream cache is reset). */
    private static byte[] body(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
        if (body instanceof StreamCache cache) {
            cache.reset();
        } else if (body instanceof InputStream) {
            exchange.getMessage().setBody(bytes);
        }
        return bytes == null ? new byte[0] : bytes;
    }
}
