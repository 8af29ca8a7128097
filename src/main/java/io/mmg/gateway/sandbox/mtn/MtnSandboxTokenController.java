package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /{product}/token/}: an access token for the product, against HTTP Basic credentials (docs/providers.md#mtn-tokens). */
@RestController
@ConditionalOnSandbox
@RequestMapping(MtnSandboxOperations.BASE_PATH)
public class MtnSandboxTokenController {

    private final MtnSandboxOperations operations;
    private final MtnSandboxAccess access;
    private final MtnSandboxCredentials credentials;
    private final MtnSandboxTokens tokens;
    private final MtnSandboxSettings settings;

    public MtnSandboxTokenController(MtnSandboxOperations operations, MtnSandboxAccess access,
                                     MtnSandboxCredentials credentials, MtnSandboxTokens tokens,
                                     MtnSandboxSettings settings) {
        this.operations = operations;
        this.access = access;
        this.credentials = credentials;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** Every SDK sends the trailing slash; it is accepted without too. */
    @PostMapping({"/{product:" + MtnProduct.PATTERN + "}/token/", "/{product:" + MtnProduct.PATTERN + "}/token"})
    public ResponseEntity<Object> token(@PathVariable String product, @RequestHeader HttpHeaders headers,
                                        @RequestBody(required = false) String body) {
        MtnProduct tokenProduct = MtnProduct.fromPath(product);
        return operations.serve("token", tokenProduct, null, call -> {
            access.checkSubscriptionKey(tokenProduct, headers);
            access.checkTargetEnvironment(headers.getFirst(MtnSandboxAccess.TARGET_ENVIRONMENT), false);
            // A body on /token/ is a 400 cause (docs/providers.md#mtn-tokens), but a published SDK sends {}: accept empty or {}.
            if (body != null && !body.isBlank() && !body.replaceAll("\\s", "").equals("{}")) {
                throw MtnSandboxException.tokenError(HttpStatus.BAD_REQUEST, "invalid_request");
            }
            MtnSandboxCredentials.ApiUser user = credentials.authenticate(headers.getFirst(HttpHeaders.AUTHORIZATION))
                    .orElseThrow(() -> MtnSandboxException.tokenError(HttpStatus.UNAUTHORIZED, "login_failed"));
            return ResponseEntity.ok(tokens.issue(user.id(), tokenProduct, settings.current().tokenTtl(),
                    Instant.now()));
        });
    }
}
