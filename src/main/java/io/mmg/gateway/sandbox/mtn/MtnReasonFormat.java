package io.mmg.gateway.sandbox.mtn;

/**
 * Shape of {@code reason} on a FAILED status: production sends a bare string since 2024 while the published
 * schema says {@code {code, message}} (docs/providers.md#mtn-status), so the simulator can play either.
 */
public enum MtnReasonFormat {
    STRING,
    OBJECT
}
