package io.mmg.bench;

/**
 * Just enough JSON reading for the benchmark's few answers, so the load generator needs nothing but the JDK.
 * Values are found by key anywhere in the text: keep the keys asked for unambiguous.
 */
final class JsonText {

    private JsonText() {
    }

    static String string(String json, String key) {
        int start = valueStart(json, key);
        if (json.charAt(start) != '"') {
            return null;
        }
        int end = json.indexOf('"', start + 1);
        return json.substring(start + 1, end);
    }

    static String number(String json, String key) {
        int start = valueStart(json, key);
        int end = start;
        while (end < json.length() && "-+0123456789.eE".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return json.substring(start, end);
    }

    /** The object value of a key, as text (braces balanced, strings skipped). */
    static String object(String json, String key) {
        return objectAt(json, valueStart(json, key));
    }

    /** The object that starts at this index. */
    static String objectAt(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new IllegalArgumentException("No object at " + start);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    private static int valueStart(String json, String key) {
        int at = json.indexOf("\"" + key + "\"");
        if (at < 0) {
            throw new IllegalArgumentException("No " + key + " in " + abbreviate(json));
        }
        int colon = json.indexOf(':', at + key.length() + 2);
        int start = colon + 1;
        while (Character.isWhitespace(json.charAt(start))) {
            start++;
        }
        return start;
    }
}
