package io.mmg.gateway.security;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may call which path served by a route: the one list a reviewer reads to know what is open. Every route path
 * needs a merchant's key unless listed here, so a route dropped into the external folder is closed by default; the
 * adapters of other APIs (docs/compatibility.md) included. The sandbox simulators and Actuator are not routes (Spring
 * MVC; ManagementEndpointGuard).
 */
@Component
public class ApiPaths {

    /** The key a path needs. */
    public enum Access { PUBLIC, ADMIN, MERCHANT }

    static final String API = "/api/v1";
    static final List<String> PUBLIC_PATHS = List.of(
            "/api/v1/ping",
            // The API contract and its HTML reference (routes/api-docs.yaml); its assets are /webjars/** (Spring MVC).
            "/api/v1/openapi.json",
            "/api/v1/openapi.yaml",
            "/api/v1/docs",
            // Live payment status: a page's client token (one payment, read-only) is checked by live.ClientTokens.
            "/api/v1/live/payments/**",
            // Provider callbacks: authenticated by the per-payment secret in their URL (ProviderCallbacks).
            "/callbacks/**",
            // The adapters' provider callback URLs: only a hint to ask the provider, they change nothing by themselves.
            "/api/payments/mtn-momo/callback",
            "/api/payment/mpesa-callback",
            // The simulated customer of an M-Pesa checkout adapter test payment; refused unless the sandbox is on.
            "/api/payment/test/callback");
    /** The operator's key: the admin API and the MTN product balances (the gateway's own accounts). */
    static final List<String> ADMIN_PATHS = List.of("/api/v1/admin/**", "/api/v1/balances");

    private final List<String> publicPaths;

    public ApiPaths(@Value("${gateway.security.public-paths:}") List<String> extraPublicPaths) {
        List<String> extra = extraPublicPaths.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        extra.stream().filter(ApiPaths::opensTheApi).findFirst().ifPresent(pattern -> {
            throw new UnsafeConfigurationException("gateway.security.public-paths lists '" + pattern
                    + "', which would open the gateway's own API (/api/v1) to callers without a key",
                    "List only the paths of your own routes outside /api/v1 in GATEWAY_SECURITY_PUBLIC_PATHS");
        });
        this.publicPaths = Stream.concat(PUBLIC_PATHS.stream(), extra.stream()).toList();
    }

    /** A pattern that covers any path of /api/v1: only the built-in list may open one. */
    private static boolean opensTheApi(String pattern) {
        String prefix = trimmed(pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : pattern);
        return matches(prefix, API + "/**") || pattern.endsWith("/**") && matches(API, pattern);
    }

    /** The access a (decoded, container-normalised) request path needs. */
    public Access of(String path) {
        String p = trimmed(path);
        if (publicPaths.stream().anyMatch(pattern -> matches(p, pattern))) {
            return Access.PUBLIC;
        }
        return ADMIN_PATHS.stream().anyMatch(pattern -> matches(p, pattern)) ? Access.ADMIN : Access.MERCHANT;
    }

    /** A path, or a prefix ending in /** (the prefix itself and anything below it). */
    private static boolean matches(String path, String pattern) {
        if (pattern.endsWith("/**")) {
            String prefix = trimmed(pattern.substring(0, pattern.length() - 3));
            return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return path.equals(trimmed(pattern));
    }

    /** One slash between segments and none at the end, so /api/v1//admin/ is /api/v1/admin. */
    private static String trimmed(String path) {
        String p = path == null || path.isEmpty() ? "/" : path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
