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
        rejectNul(root, "");
        return root;
    }

    /**
     * No NUL character (\u0000, valid JSON) in a field name or text: PostgreSQL refuses it in text and jsonb, and no
     * field has a use for it.
     */
    private static void rejectNul(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw nul(path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNul(node.get(i), path + "[" + i + "]");
            }
        }
        node.fields().forEachRemaining(field -> {
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getKey().indexOf('\0') >= 0) {
                throw nul(fieldPath);
            }
            rejectNul(field.getValue(), fieldPath);
        });
    }

    private static ApiException nul(String path) {
        String field = path.replace("\0", "\\u0000");
        return ApiException.invalidField(field, field + " contains the NUL character (\\u0000), which is not accepted");
    }

    /** Unknown fields are refused, so a typo never goes unnoticed. */
    public static void rejectUnknownFields(JsonNode root, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Unknown field(s): " + String.join(", ", unknown),
                    Map.of("unknownFields", unknown, "allowedFields", allowed.stream().sorted().toList()));
        }
    }
}
