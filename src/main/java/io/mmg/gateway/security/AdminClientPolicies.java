package io.mmg.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.JsonReplies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The operator's API for a merchant's guards (routes/admin.yaml): its rate limits, the addresses it may call from,
 * and whether its requests must be signed. A signing secret is shown once, when issued.
 */
@Component("adminClientPolicies")
public class AdminClientPolicies {

    private static final int MAX_SOURCES = 100;

    private final ClientDirectory clients;
    private final ClientPolicies policies;
    private final RateLimitSettings defaults;
    private final JsonReplies replies;
    private final ObjectMapper json;

    public AdminClientPolicies(ClientDirectory clients, ClientPolicies policies, RateLimitSettings defaults,
                               JsonReplies replies, ObjectMapper json) {
        this.clients = clients;
        this.policies = policies;
        this.defaults = defaults;
        this.replies = replies;
        this.json = json;
    }

    /** GET /admin/clients/{clientId}/settings. */
    public void show(Exchange exchange) {
        replies.reply(exchange, 200, view(existingClient(exchange)));
    }

    /**
     * PUT /admin/clients/{clientId}/settings {"initiationsPerMinute", "readsPerMinute", "allowedSources"}: a limit
     * left out or null is the default, 0 is unlimited; allowedSources left out or empty allows every address.
     */
    public void update(Exchange exchange) {
        UUID clientId = existingClient(exchange);
        JsonNode body = body(exchange);
        Integer initiations = limit(body, "initiationsPerMinute");
        Integer reads = limit(body, "readsPerMinute");
        List<String> sources = sources(body.get("allowedSources"));
        policies.setLimitsAndSources(clientId, initiations, reads, sources);
        replies.reply(exchange, 200, view(clientId));
    }

    /** POST /admin/clients/{clientId}/signing-secret: require signed requests, with a new secret shown once. */
    public void issueSigningSecret(Exchange exchange) {
        UUID clientId = existingClient(exchange);
        String secret = Secrets.random("ss_");
        policies.setSigningSecret(clientId, secret);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("clientId", clientId.toString());
        view.put("signingSecret", secret);
        view.put("note", "Store the signing secret now: it is not shown again. From now on this client's requests "
                + "must be signed (docs/request-signing.md); issuing another secret replaces this one.");
        replies.reply(exchange, 201, view);
    }

    /** DELETE /admin/clients/{clientId}/signing-secret: signed requests no longer required. */
    public void removeSigningSecret(Exchange exchange) {
        UUID clientId = existingClient(exchange);
        policies.setSigningSecret(clientId, null);
        replies.reply(exchange, 200, view(clientId));
    }

    private Map<String, Object> view(UUID clientId) {
        ClientPolicy policy = policies.policy(clientId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("clientId", clientId.toString());
        view.put("initiationsPerMinute", policy.limit(CallKind.INITIATION, defaults));
        view.put("readsPerMinute", policy.limit(CallKind.READ, defaults));
        view.put("ownLimits", policy.initiationsPerMinute() != null || policy.readsPerMinute() != null);
        view.put("allowedSources", policy.allowedSources());
        view.put("signedRequestsRequired", policy.requiresSignature());
        return view;
    }

    private static Integer limit(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw ApiException.invalidField(field, field + " must be a whole number, 0 (unlimited) or more, or null "
                    + "(the default)");
        }
        return value.intValue();
    }

    private static List<String> sources(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > MAX_SOURCES) {
            throw ApiException.invalidField("allowedSources", "allowedSources must be a list of at most "
                    + MAX_SOURCES + " IP addresses or CIDR ranges");
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode entry : value) {
            String text = entry.isTextual() ? entry.asText().trim() : "";
            try {
                if (text.isEmpty() || text.length() > 64 || text.matches(".*[,\\s].*")) {
                    throw new IllegalArgumentException(text);
                }
                CallbackSources.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "Not an IP address or CIDR range (IPv4 or IPv6): "
                        + entry, Map.of("field", "allowedSources", "value", entry.toString()));
            }
            sources.add(text);
        }
        return sources;
    }

    private JsonNode body(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        try {
            JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON");
        }
    }

    private UUID existingClient(Exchange exchange) {
        String value = exchange.getMessage().getHeader("clientId", String.class);
        UUID clientId;
        try {
            clientId = UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            clientId = null;
        }
        if (clientId == null || !clients.exists(clientId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No client with this id", Map.of("clientId", String.valueOf(value)));
        }
        return clientId;
    }
}
