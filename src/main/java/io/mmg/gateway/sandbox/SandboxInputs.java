package io.mmg.gateway.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;

/** What every simulator reads the same way: request bodies and the setting overrides of its control API. */
public final class SandboxInputs {

    private SandboxInputs() {
    }

    /** A request body as JSON; missing, blank or malformed is a {@link MissingNode}, which the checks refuse. */
    public static JsonNode json(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** Refuses an override the simulator does not have. */
    public static void requireKnown(Map<String, String> overrides, Set<String> names, String simulator) {
        overrides.keySet().stream().filter(name -> !names.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("Unknown " + simulator + " sandbox setting '" + name + "'; known: "
                    + names);
        });
    }

    /** The override of a duration setting ("2s", "500ms"), or the configured value. */
    public static Duration duration(Map<String, String> overrides, String name, Duration configured) {
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
}
