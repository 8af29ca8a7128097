package io.mmg.gateway.web;

import io.mmg.gateway.api.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error answers in the gateway's error format instead of its HTML page. Tomcat refuses some requests
 * before any filter or route can see them (a header larger than server.max-http-request-header-size, a malformed
 * request line or URL) and answers them with this host valve; every other error already went through /error
 * (api/ErrorFormatController), which this valve then leaves alone. Installed by {@link TomcatErrorFormat}. Its 501
 * and 505 become 400: they answer requests the gateway does not understand, not failures of the gateway.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == 501 || status == 505) {
            // Not implemented (CONNECT, an unknown transfer coding) or an HTTP version other than 1.x: the caller's
            // request is what is wrong, and a 5xx would page whoever watches the gateway's error rate.
            response.setStatus(400);
            status = 400;
        }
        ErrorCode code = codeOf(status);
        String body = ErrorResponses.body(code, messageOf(status), Map.of("status", status));
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer was started elsewhere: nothing more to say.
        }
    }

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
    }

    static String messageOf(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: headers too large (server.max-http-request-header-size), a "
                    + "malformed request line or URL, or an HTTP version, method or transfer coding not supported";
            case 413 -> "The request is too large";
            case 414 -> "The URL is too long";
            case 503 -> "The gateway cannot take requests now; retry shortly";
            default -> status >= 500 ? "The gateway could not process the request" : "The request could not be read";
        };
    }
}
