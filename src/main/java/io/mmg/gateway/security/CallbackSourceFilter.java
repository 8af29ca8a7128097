package io.mmg.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Optional allowlist of provider source addresses for every {@code /callbacks/**} request (MTN and M-Pesa),
 * off by default ({@code gateway.callbacks.allowed-sources} empty). It is defence in depth only: callbacks
 * are authenticated by the per-payment secret in their URL. Providers' address lists are not reliably
 * published (docs/providers.md#daraja-callback-ips found Safaricom's only in third-party code), so {@code allowlist-log-only}
 * lets a new list be watched in the logs before it is enforced. Behind a proxy, set
 * {@code server.forward-headers-strategy} so that the remote address is the provider's.
 */
@Component
public class CallbackSourceFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CallbackSourceFilter.class);

    private final CallbackSources allowed;
    private final boolean logOnly;

    public CallbackSourceFilter(@Value("${gateway.callbacks.allowed-sources:}") String allowedSources,
                                @Value("${gateway.callbacks.allowlist-log-only:false}") boolean logOnly) {
        this.allowed = CallbackSources.parse(allowedSources);
        this.logOnly = logOnly;
        if (!allowed.isEmpty()) {
            log.info("Callbacks from sources other than {} are {}", allowed, logOnly ? "logged" : "refused");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return allowed.isEmpty() || !request.getRequestURI().startsWith("/callbacks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = request.getRemoteAddr();
        if (allowed.allows(source)) {
            chain.doFilter(request, response);
            return;
        }
        if (logOnly) {
            log.warn("Callback {} from {}, which is not in gateway.callbacks.allowed-sources (let through: log-only)",
                    pathWithoutQuery(request), source);
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused callback {} from {}: not in gateway.callbacks.allowed-sources", pathWithoutQuery(request),
                source);
        response.setStatus(403);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"error\":\"Callbacks are not accepted from this address\","
                + "\"code\":\"CALLBACK_REJECTED\",\"details\":{}}").getBytes(StandardCharsets.UTF_8));
    }

    /** The query string carries the callback secret: never logged. */
    private static String pathWithoutQuery(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
