package io.mmg.gateway.sandbox.mpesa;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;

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
        overrides.keySet().stream().filter(name -> !NAMES.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("Unknown M-Pesa sandbox setting '" + name + "'; known: " + NAMES);
        });
        current = new Values(
                duration(overrides, "token-ttl", configured.tokenTtl()),
                overrides.containsKey("token-invalidates-previous")
                        ? bool(overrides.get("token-invalidates-previous")) : configured.tokenInvalidatesPrevious(),
                duration(overrides, "callback-delay", configured.callbackDelay()),
                duration(overrides, "duplicate-window", configured.duplicateWindow()));
    }

    private static Duration duration(Map<String, String> overrides, String name, Duration configured) {
        String value = overrides.get(name);
        if (value == null) {
            return configured;
        }
        try {
            return DurationStyle.detectAndParse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 2s or 500ms, not " + value);
        }
    }

    private static boolean bool(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("token-invalidates-previous must be true or false, not " + value);
        }
        return Boolean.parseBoolean(text);
    }
}
