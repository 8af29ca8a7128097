package io.mmg.gateway.api;

import io.mmg.gateway.database.DatabaseSettings;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the routes (unknown path, wrong method, unreadable request) in the same
 * error format as everything else, instead of Spring's default page. A 503 comes from the web server itself:
 * the routes are not started (or suspended), or a request outlived the async request timeout
 * (config/RequestTimeoutConfiguration sets it above the longest route, so only a request that queued for a thread
 * that long gets it, and it may still run): SERVICE_UNAVAILABLE with Retry-After, never INTERNAL_ERROR.
 */
@RestController
public class ErrorFormatController implements ErrorController {

    private final String retryAfterSeconds;

    public ErrorFormatController(DatabaseSettings database) {
        this.retryAfterSeconds = String.valueOf(Math.max(1, database.retryAfter().toSeconds()));
    }

    @RequestMapping("/error")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code && code >= 400 ? code : 500;
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message(status));
        body.put("code", code(status));
        body.put("details", Map.of("path", path));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == 503) {
            answer.header("Retry-After", retryAfterSeconds);
        }
        return answer.body(body);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST.name();
            case 401 -> ErrorCode.UNAUTHORIZED.name();
            case 403 -> ErrorCode.FORBIDDEN.name();
            case 404 -> ErrorCode.NOT_FOUND.name();
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED.name();
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.name();
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE.name();
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR.name() : ErrorCode.INVALID_REQUEST.name();
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 404 -> "No such endpoint; see /api/v1/openapi.json";
            case 405 -> "This endpoint does not accept that HTTP method";
            case 415 -> "Unsupported Content-Type; send application/json";
            case 503 -> "The gateway could not take this request on in time; if it was a payment request, it may "
                    + "still complete: retry it with the same Idempotency-Key";
            default -> status >= 500 ? "The gateway could not process the request" : "The request could not be read";
        };
    }
}
