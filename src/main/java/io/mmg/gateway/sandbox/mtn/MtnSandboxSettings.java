package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.SandboxInputs;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's tunables as they are now: the configured values, with any overrides sent through
 * {@code PUT /sandbox/control/mtn} ({@code "settings": {"token-ttl": "2s"}}), so one running gateway can
 * be told to expire tokens quickly or call back with POST without a restart.
 */
public final class MtnSandboxSettings {

    static final Set<String> NAMES = Set.of("token-ttl", "callback-delay", "callback-method",
            "ongoing-duration", "reason-format", "status-rate-limit");

    /** One consistent set of values; a request reads it once. */
    public record Values(Duration tokenTtl, Duration callbackDelay, String callbackMethod,
                         Duration ongoingDuration, MtnReasonFormat reasonFormat, int statusRateLimit) {

        public Values {
            if (tokenTtl.isNegative() || callbackDelay.isNegative() || ongoingDuration.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative");
            }
            callbackMethod = callbackMethod.toUpperCase(Locale.ROOT);
            if (!callbackMethod.equals("PUT") && !callbackMethod.equals("POST")) {
                throw new IllegalArgumentException("callback-method must be PUT or POST, not " + callbackMethod);
            }
        }
    }

    private final Values configured;
    private volatile Values current;

    public MtnSandboxSettings(MtnSandboxProperties properties) {
        this.configured = new Values(properties.tokenTtl(), properties.callbackDelay(),
                properties.callbackMethod(), properties.ongoingDuration(), properties.reasonFormat(),
                properties.statusRateLimit());
        this.current = configured;
    }

    public Values current() {
        return current;
    }

    /** Configured values with these overrides; an empty map restores the configuration. All or nothing. */
    public void apply(Map<String, String> overrides) {
        SandboxInputs.requireKnown(overrides, NAMES, "MTN");
        current = new Values(
                SandboxInputs.duration(overrides, "token-ttl", configured.tokenTtl()),
                SandboxInputs.duration(overrides, "callback-delay", configured.callbackDelay()),
                overrides.getOrDefault("callback-method", configured.callbackMethod()),
                SandboxInputs.duration(overrides, "ongoing-duration", configured.ongoingDuration()),
                overrides.containsKey("reason-format")
                        ? reasonFormat(overrides.get("reason-format")) : configured.reasonFormat(),
                overrides.containsKey("status-rate-limit")
                        ? count(overrides.get("status-rate-limit")) : configured.statusRateLimit());
    }

    private static MtnReasonFormat reasonFormat(String value) {
        try {
            return MtnReasonFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("reason-format must be string or object, not " + value);
        }
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("status-rate-limit must be a whole number, not " + value);
        }
    }
}
