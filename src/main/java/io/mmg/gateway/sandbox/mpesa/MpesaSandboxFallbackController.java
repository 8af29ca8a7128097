package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anything else under {@code /sandbox/mpesa} gets Daraja's envelope, not a Spring error page: a known path with
 * the wrong method is 405 {@code 405.001} (every API is POST but OAuth, which is GET, docs/providers.md#daraja-hosts), any other path 404
 * {@code 404.001.01} "Resource not found".
 */
@RestController
@ConditionalOnSandbox
public class MpesaSandboxFallbackController {

    private static final Set<String> POST_PATHS = Set.of("/mpesa/stkpush/v1/processrequest",
            "/mpesa/stkpushquery/v1/query", "/mpesa/b2c/v3/paymentrequest", "/mpesa/b2c/v1/paymentrequest",
            "/mpesa/reversal/v1/request", "/mpesa/transactionstatus/v1/query", "/mpesa/accountbalance/v1/query");
    private static final String OAUTH = "/oauth/v1/generate";

    @RequestMapping(MpesaSandboxOperations.BASE_PATH + "/**")
    public ResponseEntity<Object> unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(MpesaSandboxOperations.BASE_PATH.length());
        if (POST_PATHS.contains(path) || OAUTH.equals(path)) {
            return MpesaSandboxException.of(MpesaErrorBody.METHOD_NOT_ALLOWED).toResponse();
        }
        return MpesaSandboxException.of(MpesaErrorBody.RESOURCE_NOT_FOUND).toResponse();
    }
}
