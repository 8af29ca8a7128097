package io.mmg.gateway.sandbox.mtn;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An answer other than success, thrown by a check and turned into MoMo's status and body. */
final class MtnSandboxException extends RuntimeException {

    private final HttpStatus status;
    private final transient Object body;

    private MtnSandboxException(HttpStatus status, Object body) {
        super(status.toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static MtnSandboxException of(HttpStatus status, MtnErrorReason reason) {
        return new MtnSandboxException(status, MtnErrorBody.of(reason));
    }

    /** 400: the client's request is malformed (docs/providers.md#mtn-errors); the message says what is wrong. */
    static MtnSandboxException badRequest(String message) {
        return new MtnSandboxException(HttpStatus.BAD_REQUEST, MtnErrorBody.of(MtnErrorReason.VALIDATION_ERROR,
                message));
    }

    static MtnSandboxException notFound() {
        return of(HttpStatus.NOT_FOUND, MtnErrorReason.RESOURCE_NOT_FOUND);
    }

    static MtnSandboxException apim(MtnApimErrorBody body) {
        return new MtnSandboxException(HttpStatus.valueOf(body.statusCode()), body);
    }

    /** {@code /token/} answers its own OAuth-style {@code {"error": code}} (schema TokenPost401, docs/providers.md#mtn-tokens). */
    static MtnSandboxException tokenError(HttpStatus status, String error) {
        return new MtnSandboxException(status, Map.of("error", error));
    }

    ResponseEntity<Object> toResponse() {
        return ResponseEntity.status(status).body(body);
    }
}
