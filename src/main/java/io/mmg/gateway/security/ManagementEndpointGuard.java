package io.mmg.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the management endpoints (metrics, Prometheus, info: what the gateway is doing and with whom) off the
 * public API port outside the sandbox (README "Management endpoints"). There, every {@code /actuator} path but
 * health needs the admin key as {@code Authorization: Bearer}, or, to read, an operator console session opened with
 * it (docs/console.md); no admin key configured = closed. Health stays open
 * for load balancers, as do {@code /livez} and {@code /readyz}. In the sandbox they are open as before, unless
 * {@code gateway.management.require-admin-key=true}.
 * <p>
 * With {@code management.server.port} set, the endpoints are served on that port alone, which this filter does not
 * guard (Boot's management server has its own servlet context): keep that port private.
 */
@Component
public class ManagementEndpointGuard extends OncePerRequestFilter {

    private final boolean required;
    private final String basePath;
    private final String adminKey;
    private final ObjectMapper json;
    // Resolved per request: a filter is built before the database the sessions live in.
    private final ObjectProvider<ConsoleSessions> consoleSessions;

    public ManagementEndpointGuard(@Value("${gateway.management.require-admin-key:}") String requireAdminKey,
                                   @Value("${gateway.sandbox.enabled:true}") boolean sandbox,
                                   @Value("${management.endpoints.web.base-path:/actuator}") String basePath,
                                   @Value("${gateway.admin.api-key:}") String adminKey, ObjectMapper json,
                                   ObjectProvider<ConsoleSessions> consoleSessions) {
        this.required = requireAdminKey == null || requireAdminKey.isBlank() ? !sandbox : Boolean.parseBoolean(requireAdminKey.trim());
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.adminKey = adminKey;
        this.json = json;
        this.consoleSessions = consoleSessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Both the raw URI and the path as the container resolved it ("..", ";" parameters, %-escapes): a path
        // such as "/actuator/health/../prometheus" is guarded if either reading of it is not health.
        String resolved = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !required || !guarded(request.getRequestURI()) && !guarded(resolved);
    }

    private boolean guarded(String path) {
        boolean management = path.equals(basePath) || path.startsWith(basePath + "/") || path.startsWith(basePath + ";");
        boolean health = path.equals(basePath + "/health") || path.startsWith(basePath + "/health/");
        return management && !(health && !path.contains(".."));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (adminKey.isBlank()) {
            refuse(response, 403, "FORBIDDEN", "Management endpoints are closed on the API port: set "
                    + "GATEWAY_MANAGEMENT_PORT to serve them on a private port, or GATEWAY_ADMIN_API_KEY to reach them here");
            return;
        }
        String header = request.getHeader("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (!Secrets.constantTimeEquals(adminKey, presented) && !adminConsoleReads(request, header)) {
            refuse(response, 401, "UNAUTHORIZED", "Send the admin key as 'Authorization: Bearer <key>'");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The operator console's Health page, logged in with the admin key, reads (never changes) the endpoints. */
    private boolean adminConsoleReads(HttpServletRequest request, String authorization) {
        if (authorization != null || !"GET".equals(request.getMethod()) || request.getCookies() == null) {
            return false;
        }
        ConsoleSessions sessions = consoleSessions.getIfAvailable();
        return sessions != null && Arrays.stream(request.getCookies())
                .filter(cookie -> ConsoleSessions.COOKIE.equals(cookie.getName())).findFirst()
                .flatMap(cookie -> sessions.find(cookie.getValue())).map(ConsoleSessions.Session::admin).orElse(false);
    }

    private void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code);
        body.put("details", Map.of());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
