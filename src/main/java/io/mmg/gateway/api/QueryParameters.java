package io.mmg.gateway.api;

import java.util.Map;

/** Query parameters of the list endpoints (Camel hands them over as message headers). */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The trimmed value, or null when absent or blank. */
    public static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static int integer(Map<String, Object> headers, String name, int fallback, int min, int max) {
        String value = text(headers, name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw ApiException.invalidField(name, name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, name + " must be a whole number");
        }
    }
}
