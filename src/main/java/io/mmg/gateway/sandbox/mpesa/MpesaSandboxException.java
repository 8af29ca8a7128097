package io.mmg.gateway.sandbox.mpesa;

import java.util.Map;
import org.springframework.http.ResponseEntity;

/** An answer other than success, thrown by a check and turned into Daraja's status and error envelope. */
final class MpesaSandboxException extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> body;

    private MpesaSandboxException(int status, Map<String, Object> body) {
        super(String.valueOf(body.get("errorCode")), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** The code's own status and message. */
    static MpesaSandboxException of(String errorCode) {
        return new MpesaSandboxException(MpesaErrorBody.status(errorCode), MpesaErrorBody.of(errorCode));
    }

    static MpesaSandboxException of(String errorCode, String message) {
        return new MpesaSandboxException(MpesaErrorBody.status(errorCode), MpesaErrorBody.of(errorCode, message));
    }

    /** 400.002.02 "Bad Request - Invalid Amount": the name of the field is in the message (docs/providers.md#daraja-errors). */
    static MpesaSandboxException invalid(String field) {
        return of(MpesaErrorBody.INVALID_FIELD, "Bad Request - Invalid " + field);
    }

    /** 500.001.1001 with one of its several messages (docs/providers.md#daraja-errors). */
    static MpesaSandboxException merchant(String message) {
        return of(MpesaErrorBody.MERCHANT, message);
    }

    ResponseEntity<Object> toResponse() {
        return ResponseEntity.status(status).body(body);
    }
}
