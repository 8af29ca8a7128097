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
        return root;
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
