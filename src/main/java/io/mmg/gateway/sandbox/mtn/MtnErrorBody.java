package io.mmg.gateway.sandbox.mtn;

/** MoMo's synchronous error body {@code {"code": ErrorReason, "message": text}} (docs/providers.md#mtn-errors). */
public record MtnErrorBody(String code, String message) {

    public static MtnErrorBody of(MtnErrorReason reason) {
        return new MtnErrorBody(reason.name(), reason.message());
    }

    public static MtnErrorBody of(MtnErrorReason reason, String message) {
        return new MtnErrorBody(reason.name(), message);
    }
}
