package io.mmg.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.JsonBodies;
import io.mmg.gateway.api.JsonReplies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The operator's API for merchants and their keys (routes/admin.yaml). A key is shown once, here. */
@Component("adminClients")
public class AdminClients {

    private final ClientDirectory clients;
    private final JsonReplies replies;
    private final ObjectMapper json;

    public AdminClients(ClientDirectory clients, JsonReplies replies, ObjectMapper json) {
        this.clients = clients;
        this.replies = replies;
        this.json = json;
    }

    /** POST /admin/clients {"name": "..."}: a merchant and its first API key. */
    public void create(Exchange exchange) {
        String name = name(exchange.getMessage().getBody(String.class));
        ClientDirectory.IssuedKey issued = clients.createClient(name);
        replies.reply(exchange, 201, view(issued, name));
    }

    /** POST /admin/clients/{clientId}/api-keys: one more key (rotation: the old one keeps working until revoked). */
    public void issueKey(Exchange exchange) {
        UUID clientId = id(exchange, "clientId");
        if (!clients.exists(clientId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No client with this id", Map.of("clientId", clientId.toString()));
        }
        replies.reply(exchange, 201, view(clients.issueKey(clientId), null));
    }

    /** DELETE /admin/clients/{clientId}/api-keys/{keyId}. */
    public void revokeKey(Exchange exchange) {
        UUID clientId = id(exchange, "clientId");
        UUID keyId = id(exchange, "keyId");
        if (!clients.revokeKey(clientId, keyId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No active key with this id for this client",
                    Map.of("clientId", clientId.toString(), "keyId", keyId.toString()));
        }
        replies.reply(exchange, 200, Map.of("revoked", keyId.toString()));
    }

    private String name(String body) {
        JsonNode root = body == null || body.isBlank() ? null : JsonBodies.object(json, body);
        JsonNode name = root == null ? null : root.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 200
                || name.asText().chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("name", "name is required: at most 200 characters, no control characters");
        }
        return name.asText().trim();
    }

    private static UUID id(Exchange exchange, String header) {
        String value = exchange.getMessage().getHeader(header, String.class);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No " + header + " " + value, Map.of(header, String.valueOf(value)));
        }
    }

    private static Map<String, Object> view(ClientDirectory.IssuedKey issued, String name) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("clientId", issued.clientId().toString());
        if (name != null) {
            view.put("name", name);
        }
        view.put("apiKeyId", issued.keyId().toString());
        view.put("apiKey", issued.apiKey());
        view.put("note", "Store the API key now: the gateway keeps only its hash and cannot show it again.");
        return view;
    }
}
