package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.SandboxInputs;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Daraja simulator's tunables as they are now: the configured values with any overrides sent through
 * {@code PUT /sandbox/control/mpesa} ({@code "settings": {"callback-delay": "5s"}}).
 */
public final class MpesaSandboxSettings {

    static final Set<String> NAMES = Set.of("token-ttl", "token-invalidates-previous", "callback-delay",
            "duplicate-window");

    /** One consistent set of values; a request reads it once. */
    public record Values(Duration tokenTtl, boolean tokenInvalidatesPrevious, Duration callbackDelay,
                         Duration duplicateWindow) {

        public Values {
            if (tokenTtl.isNegative() || callbackDelay.isNegative() || duplicateWindow.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative");
            }
        }
    }

    private final Values configured;
    private volatile Values current;

    public MpesaSandboxSettings(MpesaSandboxProperties properties) {
        this.configured = new Values(properties.tokenTtl(), properties.tokenInvalidatesPrevious(),
                properties.callbackDelay(), properties.duplicateWindow());
        this.current = configured;
    }

    public Values current() {
        return current;
    }

    /** Configured values with these overrides; an empty map restores the configuration. All or nothing. */
    public void apply(Map<String, String> overrides) {
        SandboxInputs.requireKnown(overrides, NAMES, "M-Pesa");
        current = new Values(
                SandboxInputs.duration(overrides, "token-ttl", configured.tokenTtl()),
                overrides.containsKey("token-invalidates-previous")
                        ? bool(overrides.get("token-invalidates-previous")) : configured.tokenInvalidatesPrevious(),
                SandboxInputs.duration(overrides, "callback-delay", configured.callbackDelay()),
                SandboxInputs.duration(overrides, "duplicate-window", configured.duplicateWindow()));
    }

    private static boolean bool(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("token-invalidates-previous must be true or false, not " + value);
        }
        return Boolean.parseBoolean(text);
    }
}
