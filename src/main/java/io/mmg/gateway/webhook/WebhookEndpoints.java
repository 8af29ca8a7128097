package io.mmg.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonBodies;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.security.AuthenticatedClient;
import io.mmg.gateway.security.SecretCipher;
import io.mmg.gateway.security.Secrets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The merchant's webhook endpoint (routes/webhooks.yaml): its URL and the signing secret the gateway generates.
 * The secret is shown in full only when it is made (first PUT, rotation); otherwise only its last characters.
 * It is stored encrypted ({@link SecretCipher}): the SQL statements only ever see the encrypted value.
 */
@Component("webhookEndpoints")
public class WebhookEndpoints {

    static final String SECRET_PREFIX = "whsec_";
    private static final Set<String> FIELDS = Set.of("url");
    private static final int SHOWN_SECRET_CHARACTERS = 4;

    private final ObjectMapper json;
    private final JsonReplies replies;
    private final WebhookSettings settings;
    private final SecretCipher cipher;

    public WebhookEndpoints(ObjectMapper json, JsonReplies replies, WebhookSettings settings, SecretCipher cipher) {
        this.json = json;
        this.replies = replies;
        this.settings = settings;
        this.cipher = cipher;
    }

    /** upsert-webhook-endpoint.sql from PUT /webhook-endpoint {"url": ...}; the secret is kept only by a new endpoint. */
    public Map<String, Object> putParams(Exchange exchange) {
        JsonNode root = JsonBodies.object(json, exchange.getMessage().getBody(String.class));
        JsonBodies.rejectUnknownFields(root, FIELDS);
        JsonNode url = root.get("url");
        if (url != null && !url.isNull() && !url.isTextual()) {
            throw new ApiException(ErrorCode.INVALID_WEBHOOK_URL, "url must be a string", Map.of("field", "url"));
        }
        Map<String, Object> params = clientParams(exchange);
        params.put("url", WebhookUrls.require(url == null || url.isNull() ? null : url.asText()));
        params.put("secret", cipher.encrypt(Secrets.random(SECRET_PREFIX)));
        return params;
    }

    /** The client's endpoint, for select-, delete-webhook-endpoint.sql. */
    public Map<String, Object> clientParams(Exchange exchange) {
        Map<String, Object> params = new HashMap<>();
        params.put("clientId", exchange.getProperty(ExchangeProperties.CLIENT, AuthenticatedClient.class).id());
        return params;
    }

    /** rotate-webhook-secret.sql: a new secret; the previous one keeps signing for gateway.webhooks.rotation-overlap. */
    public Map<String, Object> rotateParams(Exchange exchange) {
        Map<String, Object> params = clientParams(exchange);
        params.put("secret", cipher.encrypt(Secrets.random(SECRET_PREFIX)));
        params.put("overlapSeconds", settings.rotationOverlap().toSeconds());
        return params;
    }

    /** PUT: 201 with the new secret for a new endpoint, 200 for a changed URL (same secret). */
    public void configured(Exchange exchange, Map<String, Object> row) {
        boolean created = Boolean.TRUE.equals(row.get("created"));
        replies.reply(exchange, created ? 201 : 200, view(row, created));
    }

    public void show(Exchange exchange, Map<String, Object> row) {
        replies.reply(exchange, 200, view(required(row), false));
    }

    public void rotated(Exchange exchange, Map<String, Object> row) {
        replies.reply(exchange, 200, view(required(row), true));
    }

    public void deleted(Exchange exchange, Map<String, Object> row) {
        replies.reply(exchange, 200, Map.of("url", required(row).get("url"), "deleted", true));
    }

    private static Map<String, Object> required(Map<String, Object> row) {
        if (row == null || row.isEmpty()) {
            throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND,
                    "No webhook endpoint is configured; set one with PUT /api/v1/webhook-endpoint");
        }
        return row;
    }

    private Map<String, Object> view(Map<String, Object> row, boolean withSecret) {
        String secret = cipher.decrypt((String) row.get("secret"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("url", row.get("url"));
        if (withSecret) {
            view.put("secret", secret);
            view.put("note", "Store the signing secret now: it is shown only when it is made (see docs/webhooks.md).");
        } else {
            view.put("secretHint", SECRET_PREFIX + "..." + secret.substring(secret.length() - SHOWN_SECRET_CHARACTERS));
        }
        view.put("previousSecretExpiresAt", WebhookRows.instant(row.get("previous_secret_expires_at")));
        view.put("secretRotatedAt", WebhookRows.instant(row.get("secret_rotated_at")));
        view.put("createdAt", WebhookRows.instant(row.get("created_at")));
        view.put("updatedAt", WebhookRows.instant(row.get("updated_at")));
        return view;
    }
}
