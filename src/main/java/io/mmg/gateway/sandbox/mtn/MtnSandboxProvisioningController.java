package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sandbox provisioning: create an API user, give it a key, read it back (docs/providers.md#mtn-sandbox-provisioning). */
@RestController
@ConditionalOnSandbox
@RequestMapping(MtnSandboxOperations.BASE_PATH + "/v1_0/apiuser")
public class MtnSandboxProvisioningController {

    private final MtnSandboxOperations operations;
    private final MtnSandboxAccess access;
    private final MtnSandboxCredentials credentials;

    public MtnSandboxProvisioningController(MtnSandboxOperations operations, MtnSandboxAccess access,
                                            MtnSandboxCredentials credentials) {
        this.operations = operations;
        this.access = access;
        this.credentials = credentials;
    }

    /** 201 with an empty body; the {@code X-Reference-Id} becomes the API user id. */
    @PostMapping
    public ResponseEntity<Object> createApiUser(@RequestHeader HttpHeaders headers,
                                                @RequestBody(required = false) String body) {
        return operations.serve("apiuser", null, null, call -> {
            access.checkAnySubscriptionKey(headers);
            String id = MtnReferenceId.requireNew(headers.getFirst("X-Reference-Id"));
            String host = operations.parse(body).path("providerCallbackHost").asText("").trim();
            if (host.isEmpty()) {
                throw MtnSandboxException.badRequest("providerCallbackHost is required.");
            }
            if (!credentials.create(id, host)) {
                // Generic 409 semantics: the code for a reused API user id is UNCONFIRMED (docs/providers.md#mtn-sandbox-provisioning, #open-questions).
                throw MtnSandboxException.of(HttpStatus.CONFLICT, MtnErrorReason.RESOURCE_ALREADY_EXIST);
            }
            return ResponseEntity.status(HttpStatus.CREATED).build();
        });
    }

    /** 201 {@code {"apiKey": "<32 hex>"}}; 404 for an unknown user. */
    @PostMapping("/{apiUser}/apikey")
    public ResponseEntity<Object> createApiKey(@PathVariable String apiUser, @RequestHeader HttpHeaders headers) {
        return operations.serve("apikey", null, null, call -> {
            access.checkAnySubscriptionKey(headers);
            String key = credentials.newApiKey(MtnReferenceId.requireExisting(apiUser))
                    .orElseThrow(MtnSandboxException::notFound);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("apiKey", key));
        });
    }

    /** 200 {@code {"providerCallbackHost": ..., "targetEnvironment": "sandbox"}}. */
    @GetMapping("/{apiUser}")
    public ResponseEntity<Object> apiUser(@PathVariable String apiUser, @RequestHeader HttpHeaders headers) {
        return operations.serve("apiuser-info", null, null, call -> {
            access.checkAnySubscriptionKey(headers);
            MtnSandboxCredentials.ApiUser user = credentials.find(MtnReferenceId.requireExisting(apiUser))
                    .orElseThrow(MtnSandboxException::notFound);
            return ResponseEntity.ok(Map.of("providerCallbackHost", user.providerCallbackHost(),
                    "targetEnvironment", MtnSandboxCredentials.TARGET_ENVIRONMENT));
        });
    }
}
