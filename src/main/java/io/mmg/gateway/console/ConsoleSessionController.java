package io.mmg.gateway.console;

import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.security.ConsoleSessions;
import io.mmg.gateway.security.Secrets;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log in and out of the operator console (docs/console.md). The key arrives once, in a POST body, and is exchanged
 * for a session cookie (HttpOnly, SameSite=Strict, Secure over https); the answer carries the session's CSRF token,
 * which the console keeps in memory only. Everything else the console does goes through /api/v1 with that cookie.
 */
@RestController
@RequestMapping("/console/session")
class ConsoleSessionController {

    private static final int MAX_OPERATOR_LENGTH = 100;

    private final ConsoleSessions sessions;

    ConsoleSessionController(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    /** Body: {"apiKey", "operator"?}. */
    @PostMapping
    ResponseEntity<Map<String, Object>> logIn(@RequestBody(required = false) Map<String, Object> body,
                                              HttpServletRequest request) {
        Object key = body == null ? null : body.get("apiKey");
        Object operator = body == null ? null : body.get("operator");
        if (!(key instanceof String) || operator != null && !(operator instanceof String)) {
            return error(ErrorCode.INVALID_REQUEST, "Send {\"apiKey\": \"...\", \"operator\": \"your name\"}");
        }
        if (operator != null && ((String) operator).length() > MAX_OPERATOR_LENGTH) {
            return error(ErrorCode.INVALID_REQUEST, "operator is at most " + MAX_OPERATOR_LENGTH + " characters");
        }
        Optional<ConsoleSessions.Opened> opened = sessions.open((String) key, (String) operator);
        if (opened.isEmpty()) {
            return error(ErrorCode.UNAUTHORIZED, "This API key is not valid");
        }
        ConsoleSessions.Session session = opened.get().session();
        ResponseCookie cookie = cookie(opened.get().token(), Duration.between(Instant.now(), session.expiresAt()), request);
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body(view(session));
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> current(HttpServletRequest request) {
        return sessions.find(token(request)).map(s -> ResponseEntity.ok(view(s)))
                .orElseGet(() -> error(ErrorCode.UNAUTHORIZED, "Not logged in"));
    }

    /** Logout changes state, so it needs the CSRF token like every other change. */
    @DeleteMapping
    ResponseEntity<Map<String, Object>> logOut(HttpServletRequest request) {
        String token = token(request);
        Optional<ConsoleSessions.Session> session = sessions.find(token);
        if (session.isPresent() && !Secrets.constantTimeEquals(session.get().csrfToken(),
                request.getHeader(ConsoleSessions.CSRF_HEADER))) {
            return error(ErrorCode.CSRF_TOKEN_INVALID, "Logging out needs the session's CSRF token in "
                    + ConsoleSessions.CSRF_HEADER);
        }
        sessions.close(token);
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString()).build();
    }

    /** A body that is not a JSON object: the error format, not Spring's own error page. */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return e instanceof HttpMediaTypeNotSupportedException
                ? error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the key as JSON (Content-Type: application/json)")
                : error(ErrorCode.INVALID_REQUEST, "Send {\"apiKey\": \"...\", \"operator\": \"your name\"}");
    }

    private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(ConsoleSessions.COOKIE, value).httpOnly(true).sameSite("Strict")
                .secure(request.isSecure()).path("/").maxAge(maxAge).build();
    }

    private static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> ConsoleSessions.COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private static Map<String, Object> view(ConsoleSessions.Session session) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", session.admin() ? "ADMIN" : "MERCHANT");
        view.put("clientId", session.clientId());
        view.put("clientName", session.clientName());
        view.put("operator", session.operator());
        view.put("csrfToken", session.csrfToken());
        view.put("expiresAt", session.expiresAt().toString());
        return view;
    }

    private static ResponseEntity<Map<String, Object>> error(ErrorCode code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code.name());
        body.put("details", Map.of());
        return ResponseEntity.status(HttpStatus.valueOf(code.httpStatus())).body(body);
    }
}
