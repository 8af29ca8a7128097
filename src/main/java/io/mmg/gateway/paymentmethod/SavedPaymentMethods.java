package io.mmg.gateway.paymentmethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonBodies;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.Countries;
import io.mmg.gateway.payment.Country;
import io.mmg.gateway.payment.PhoneNumbers;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.mtn.MtnSettings;
import io.mmg.gateway.security.AuthenticatedClient;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * A merchant's saved payment methods (routes/payment-methods.yaml): a customer's wallet, checked against the
 * country table and the provider that serves it, kept so that a payment request can name it by
 * {@code paymentMethodId} instead of sending the number again. Always scoped to the authenticated merchant.
 */
@Component("savedPaymentMethods")
public class SavedPaymentMethods {

    static final Set<String> FIELDS = Set.of("type", "details", "isDefault");
    static final Set<String> DETAILS = Set.of("phoneNumber");
    static final String PAYMENT_METHOD_ID = "paymentMethodId";

    private final MtnSettings mtn;
    private final JsonReplies replies;
    private final ObjectMapper json;

    public SavedPaymentMethods(MtnSettings mtn, JsonReplies replies, ObjectMapper json) {
        this.mtn = mtn;
        this.replies = replies;
        this.json = json;
    }

    /** save-payment-method.sql parameters from {"type", "details": {"phoneNumber"}, "isDefault"}. */
    public Map<String, Object> saveParams(String body, Exchange exchange) {
        JsonNode root = JsonBodies.object(json, body);
        JsonBodies.rejectUnknownFields(root, FIELDS);
        Provider provider = provider(root.get("type"));
        JsonNode details = root.get("details");
        if (details == null || !details.isObject()) {
            throw ApiException.invalidField("details", "details is required: {\"phoneNumber\": \"256772123456\"}");
        }
        JsonBodies.rejectUnknownFields(details, DETAILS);
        String msisdn = phoneNumber(details.get("phoneNumber"));
        Country country = Countries.of(msisdn, mtn.isSandbox()).orElseThrow(() -> new ApiException(
                ErrorCode.INVALID_PHONE, "The phone number does not belong to a supported country",
                Map.of("field", "details.phoneNumber", "supportedCountries", Countries.ALL.stream().map(Country::code).toList())));
        if (!country.providers().contains(provider)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_PROVIDER, provider.displayName() + " does not serve " + country.name(),
                    Map.of("field", "type", "country", country.code()));
        }
        JsonNode isDefault = root.get("isDefault");
        if (isDefault != null && !isDefault.isNull() && !isDefault.isBoolean()) {
            throw ApiException.invalidField("isDefault", "isDefault must be true or false");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", UUID.randomUUID());
        params.put("clientId", client(exchange).id());
        params.put("provider", provider.name());
        params.put("phoneNumber", msisdn);
        params.put("country", country.code());
        params.put("isDefault", isDefault != null && isDefault.asBoolean(false));
        exchange.setProperty(ExchangeProperties.SAVED_PAYMENT_METHOD_ID, params.get("id"));
        return params;
    }

    /** 201 with the new method; the same wallet saved before is a 409 naming it. */
    public void created(Map<String, Object> row, Exchange exchange) {
        UUID requested = exchange.getProperty(ExchangeProperties.SAVED_PAYMENT_METHOD_ID, UUID.class);
        if (!requested.equals(row.get("id"))) {
            throw new ApiException(ErrorCode.PAYMENT_METHOD_EXISTS, "This wallet is saved already",
                    Map.of("paymentMethodId", row.get("id").toString()));
        }
        replies.reply(exchange, 201, render(row));
    }

    /** Parameters naming the merchant: list-saved-payment-methods.sql. */
    public Map<String, Object> merchantParams(Exchange exchange) {
        return Map.of("clientId", client(exchange).id());
    }

    /** Parameters naming one of the merchant's methods by the {id} path parameter. */
    public Map<String, Object> byId(Exchange exchange) {
        return Map.of("id", methodId(exchange.getMessage().getHeader("id", String.class)), "clientId", client(exchange).id());
    }

    /** DELETE answers 204; not this merchant's, or not there, is the same 404. */
    public void deleted(Map<String, Object> row, Exchange exchange) {
        requireFound(row, exchange.getMessage().getHeader("id", String.class));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        exchange.getMessage().setBody(null);
    }

    public List<Map<String, Object>> renderAll(List<Map<String, Object>> rows) {
        return rows.stream().map(SavedPaymentMethods::render).toList();
    }

    /**
     * select-saved-payment-method.sql parameters when a payment request names {@code paymentMethodId}; null
     * otherwise (and for a body that is not a JSON object, which the payment request parser answers).
     */
    public Map<String, Object> lookup(String body, Exchange exchange) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject() || !root.has(PAYMENT_METHOD_ID)) {
            return null;
        }
        JsonNode id = root.get(PAYMENT_METHOD_ID);
        if (!id.isTextual()) {
            throw ApiException.invalidField(PAYMENT_METHOD_ID, "paymentMethodId must be the id of a saved payment method");
        }
        if (root.has("phoneNumber") || root.has("provider")) {
            throw ApiException.invalidField(PAYMENT_METHOD_ID,
                    "paymentMethodId stands for phoneNumber and provider: send either paymentMethodId or phoneNumber");
        }
        return Map.of("id", methodId(id.asText()), "clientId", client(exchange).id());
    }

    /** The payment request with the saved method's number and provider in place of paymentMethodId. */
    public String substitute(String body, Map<String, Object> row) throws IOException {
        ObjectNode request = (ObjectNode) JsonBodies.object(json, body);
        requireFound(row, request.path(PAYMENT_METHOD_ID).asText());
        request.remove(PAYMENT_METHOD_ID);
        request.put("phoneNumber", (String) row.get("phone_number"));
        request.put("provider", (String) row.get("provider"));
        return json.writeValueAsString(request);
    }

    static Map<String, Object> render(Map<String, Object> row) {
        Provider provider = Provider.valueOf((String) row.get("provider"));
        String countryCode = row.get("country").toString().trim();
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", row.get("id").toString());
        method.put("type", provider.name());
        method.put("displayName", provider.displayName());
        method.put("details", Map.of("phoneNumber", row.get("phone_number")));
        method.put("country", countryCode);
        method.put("currency", Countries.byCode(countryCode).map(Country::currency).orElse(null));
        method.put("isDefault", row.get("is_default"));
        method.put("createdAt", ((Timestamp) row.get("created_at")).toInstant().toString());
        return method;
    }

    private static Provider provider(JsonNode type) {
        if (type == null || type.isNull() || !type.isTextual()) {
            throw ApiException.invalidField("type", "type is required: MTN_MOMO or MPESA");
        }
        return Provider.parse(type.asText()).orElseThrow(() -> new ApiException(ErrorCode.UNSUPPORTED_PROVIDER,
                "Unknown type '" + type.asText() + "'; use MTN_MOMO or MPESA", Map.of("field", "type")));
    }

    private static String phoneNumber(JsonNode node) {
        String msisdn = node == null || !node.isTextual() ? null : PhoneNumbers.normalise(node.asText());
        if (msisdn == null) {
            throw new ApiException(ErrorCode.INVALID_PHONE,
                    "details.phoneNumber is required, in international format, e.g. 256772123456",
                    Map.of("field", "details.phoneNumber", "example", "256772123456"));
        }
        return msisdn;
    }

    private static void requireFound(Map<String, Object> row, String id) {
        if (row == null || row.isEmpty()) {
            throw notFound(id);
        }
    }

    private static UUID methodId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound(id);
        }
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCode.PAYMENT_METHOD_NOT_FOUND, "No saved payment method with this id",
                Map.of("id", String.valueOf(id)));
    }

    private static AuthenticatedClient client(Exchange exchange) {
        return exchange.getProperty(ExchangeProperties.CLIENT, AuthenticatedClient.class);
    }
}
