package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth/v1/generate?grant_type=client_credentials} with the app's consumer key and secret as HTTP
 * Basic: {@code {"access_token": <28 characters>, "expires_in": "3599"}}, a string (docs/providers.md#daraja-oauth).
 */
@RestController
@ConditionalOnSandbox
@RequestMapping(MpesaSandboxOperations.BASE_PATH)
public class MpesaSandboxOAuthController {

    private final MpesaSandboxOperations operations;
    private final MpesaSandboxProperties properties;
    private final MpesaSandboxSettings settings;
    private final MpesaSandboxTokens tokens;

    public MpesaSandboxOAuthController(MpesaSandboxOperations operations, MpesaSandboxProperties properties,
                                       MpesaSandboxSettings settings, MpesaSandboxTokens tokens) {
        this.operations = operations;
        this.properties = properties;
        this.settings = settings;
        this.tokens = tokens;
    }

    @GetMapping("/oauth/v1/generate")
    public ResponseEntity<Object> generate(@RequestParam(name = "grant_type", required = false) String grantType,
                                           @RequestHeader HttpHeaders headers) {
        return operations.serveUnauthenticated("token", call -> {
            // The status and body for wrong credentials are UNCONFIRMED (docs/providers.md#open-questions): the documented auth error is used.
            if (!validBasic(headers.getFirst(HttpHeaders.AUTHORIZATION))) {
                throw MpesaSandboxException.of(MpesaErrorBody.INVALID_AUTHENTICATION);
            }
            if (!"client_credentials".equals(grantType)) {
                throw MpesaSandboxException.of(MpesaErrorBody.INVALID_GRANT_TYPE);
            }
            MpesaSandboxSettings.Values now = settings.current();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", tokens.issue(now.tokenTtl(), now.tokenInvalidatesPrevious(), Instant.now()));
            body.put("expires_in", Long.toString(now.tokenTtl().toSeconds()));
            return ResponseEntity.ok(body);
        });
    }

    private boolean validBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String expected = properties.consumerKey() + ":" + properties.consumerSecret();
        try {
            byte[] presented = Base64.getDecoder().decode(authorization.substring(6).trim());
            return MessageDigest.isEqual(presented, expected.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
