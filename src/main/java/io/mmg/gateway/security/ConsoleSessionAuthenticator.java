package io.mmg.gateway.security;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * The operator console's way in to the API (docs/console.md): a request without an Authorization header but with
 * the console's session cookie is admitted as that session's merchant or as the admin. A state-changing call must
 * also carry the session's CSRF token in X-CSRF-Token (synchronizer token): a cookie alone, which a browser would
 * send from another site's form, never changes anything. API clients are untouched: a request with an
 * Authorization header is always judged by its key, whatever cookie it carries.
 */
@Component
public class ConsoleSessionAuthenticator {

    /** Exchange property: the console operator's name given at login, when there is one. */
    public static final String OPERATOR = "consoleOperator";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleSessions sessions;
    private final ClientGuard guard;

    public ConsoleSessionAuthenticator(ConsoleSessions sessions, ClientGuard guard) {
        this.sessions = sessions;
        this.guard = guard;
    }

    /**
     * Admits the request by its console session when it is a console request (cookie, no Authorization header);
     * false when it is not one, so the API key checks apply as before.
     */
    public boolean admit(Exchange exchange, ApiPaths.Access access) {
        HttpServletRequest request = exchange.getMessage() instanceof PlatformHttpMessage http ? http.getRequest() : null;
        if (request == null || request.getHeader("Authorization") != null) {
            return false;
        }
        String token = cookie(request);
        if (token == null) {
            return false;
        }
        ConsoleSessions.Session session = sessions.find(token).orElseThrow(() -> new ApiException(
                ErrorCode.UNAUTHORIZED, "The console session has ended: log in again"));
        if (!SAFE_METHODS.contains(request.getMethod())
                && !Secrets.constantTimeEquals(session.csrfToken(), request.getHeader(ConsoleSessions.CSRF_HEADER))) {
            throw new ApiException(ErrorCode.CSRF_TOKEN_INVALID, "A console call that changes something needs the"
                    + " session's CSRF token in " + ConsoleSessions.CSRF_HEADER, Map.of("header", ConsoleSessions.CSRF_HEADER));
        }
        if (session.operator() != null) {
            exchange.setProperty(OPERATOR, session.operator());
        }
        if (access == ApiPaths.Access.ADMIN) {
            if (!session.admin()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Only a console session opened with the admin key sees this");
            }
            exchange.setProperty(ExchangeProperties.ADMIN, true);
            return true;
        }
        if (session.admin()) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    "The admin key has no merchant data of its own: log in with a merchant's key to see its payments");
        }
        AuthenticatedClient client = new AuthenticatedClient(session.clientId(), session.clientName());
        exchange.setProperty(ExchangeProperties.CLIENT, client);
        // The session stands for the key's signature (it was opened with the key); source allowlist and rate limits hold.
        guard.check(exchange, client, false);
        return true;
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (ConsoleSessions.COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
