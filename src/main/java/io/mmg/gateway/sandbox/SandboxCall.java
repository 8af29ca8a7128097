package io.mmg.gateway.sandbox;

/**
 * What the control layer tells a simulator about the request it is about to process.
 *
 * @param suppressCallback process normally but never send the callback (a lost notification)
 */
public record SandboxCall(boolean suppressCallback) {

    public static final SandboxCall NORMAL = new SandboxCall(false);
}
