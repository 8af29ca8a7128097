package io.mmg.gateway.sandbox;

import java.util.List;
import java.util.Map;

/**
 * How a simulator should misbehave: the body of {@code PUT /sandbox/control/{simulator}} and of its GET.
 *
 * @param latencyMs added to every request of the simulator
 * @param faults    tried in order; the first matching one with hits left applies
 * @param settings  overrides of the simulator's configured tunables (e.g. MTN {@code token-ttl: 2s}),
 *                  named as in {@code application.yaml}; DELETE restores the configured values
 */
public record SandboxBehaviour(Long latencyMs, List<SandboxFault> faults, Map<String, String> settings) {

    public static final SandboxBehaviour NONE = new SandboxBehaviour(0L, List.of(), Map.of());

    public SandboxBehaviour {
        latencyMs = latencyMs == null ? 0L : latencyMs;
        faults = faults == null ? List.of() : List.copyOf(faults);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        if (latencyMs < 0 || latencyMs > SandboxFault.MAX_DELAY_MS) {
            throw new IllegalArgumentException("latencyMs must be between 0 and " + SandboxFault.MAX_DELAY_MS);
        }
    }
}
