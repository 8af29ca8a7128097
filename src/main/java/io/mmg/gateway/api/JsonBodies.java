package io.mmg.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading a JSON request body the one way every API route does: an object, and no field we do not know. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonNode object(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The request body is empty; send a JSON object");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object");
        }
        rejectUnstorableText(root, "");
        return root;
    }

    /**
     * No NUL character and no lone surrogate (both valid JSON escapes: \u0000, \ud800) in a field name or text:
     * PostgreSQL refuses NUL in text and jsonb, a lone surrogate is no character at all (stored as "?"), and no field
     * has a use for either.
     */
    private static void rejectUnstorableText(JsonNode node, String path) {
        if (node.isTextual() && !storable(node.textValue())) {
            throw unstorable(path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectUnstorableText(node.get(i), path + "[" + i + "]");
            }
        }
        node.fields().forEachRemaining(field -> {
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (!storable(field.getKey())) {
                throw unstorable(fieldPath);
            }
            rejectUnstorableText(field.getValue(), fieldPath);
        });
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static ApiException unstorable(String path) {
        StringBuilder field = new StringBuilder();
        path.chars().forEach(c -> field.append(c == 0 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return ApiException.invalidField(field.toString(), field + " contains the NUL character (\\u0000) or a lone "
                + "surrogate (\\ud800 to \\udfff), which are not accepted");
    }

    /** Unknown fields are refused, so a typo never goes unnoticed. */
    public static void rejectUnknownFields(JsonNode root, Set<String> allowed) {
        rejectUnknownFields(root, allowed, allowed);
    }

    /**
     * The same, for a body a route has already rewritten: {@code accepted} is what may be left in it, {@code named}
     * every field the caller may send (the answer lists those).
     */
    public static void rejectUnknownFields(JsonNode root, Set<String> accepted, Set<String> named) {
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!accepted.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Unknown field(s): " + String.join(", ", unknown),
                    Map.of("unknownFields", unknown, "allowedFields", named.stream().sorted().toList()));
        }
    }
}
