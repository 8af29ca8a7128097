package io.mmg.gateway.sandbox.mtn;

/**
 * How a sandbox transaction ends, decided when it is created (docs/providers.md#mtn-lifecycle, #mtn-sandbox).
 *
 * @param kind   SUCCESSFUL or FAILED after the callback delay; ONGOING is PENDING for a while, then
 *               SUCCESSFUL; DELAYED stays PENDING
 * @param reason why it FAILED, null otherwise
 */
public record MtnSandboxOutcome(Kind kind, MtnErrorReason reason) {

    public enum Kind {
        SUCCESSFUL,
        FAILED,
        ONGOING,
        DELAYED
    }

    public static final MtnSandboxOutcome SUCCESSFUL = new MtnSandboxOutcome(Kind.SUCCESSFUL, null);
    public static final MtnSandboxOutcome ONGOING = new MtnSandboxOutcome(Kind.ONGOING, null);
    public static final MtnSandboxOutcome DELAYED = new MtnSandboxOutcome(Kind.DELAYED, null);

    public static MtnSandboxOutcome failed(MtnErrorReason reason) {
        return new MtnSandboxOutcome(Kind.FAILED, reason);
    }

    /** The status it ends in; null when it never ends (DELAYED). */
    public String finalStatus() {
        return switch (kind) {
            case SUCCESSFUL, ONGOING -> "SUCCESSFUL";
            case FAILED -> "FAILED";
            case DELAYED -> null;
        };
    }
}
