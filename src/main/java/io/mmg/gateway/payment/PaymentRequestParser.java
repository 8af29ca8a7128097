package io.mmg.gateway.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.JsonBodies;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads and validates the JSON body of POST /collections, /disbursements and /remittances.
 * Every rule answers with a precise code and the offending field, before anything is stored.
 */
@Component("paymentRequestParser")
public class PaymentRequestParser {

    static final Set<String> FIELDS = Set.of(
            "amount", "currency", "phoneNumber", "provider", "externalId", "payerMessage", "payeeNote", "metadata");
    /**
     * What a caller of the API may send: paymentMethodId too, which routes/payment-methods.yaml replaces by the saved
     * method's phoneNumber and provider before the request is parsed here. A payout file row cannot name one.
     */
    static final Set<String> API_FIELDS = union(FIELDS, Set.of("paymentMethodId"));
    static final int MAX_TEXT = 160;
    static final int MAX_EXTERNAL_ID = 64;
    static final int MAX_METADATA_BYTES = 2048;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CONTROL_CHARS = Pattern.compile("\\p{Cntrl}");

    // Exact decimals: a JSON number like 10.50 must never pass through a double.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    // Key order must not change the fingerprint: {"a":1,"b":2} and {"b":2,"a":1} are the same request.
    private final ObjectMapper canonicalJson = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private final AmountLimits limits;
    private final SupportedProducts supportedProducts;
    private final ProviderRules providers;

    public PaymentRequestParser(AmountLimits limits, SupportedProducts supportedProducts,
                                ProviderRules providers) {
        this.limits = limits;
        this.supportedProducts = supportedProducts;
        this.providers = providers;
    }

    /**
     * The request of a payment route ({@code parse(${body}, COLLECTION)}). The type comes as its name: Camel
     * would turn the route's word into the enum with a fallback converter search on every request.
     */
    public PaymentRequest parse(String body, String type) {
        JsonNode root = readObject(body);
        JsonBodies.rejectUnknownFields(root, FIELDS, API_FIELDS);
        return parseObject(root, PaymentType.valueOf(type));
    }

    /** The same rules for a request that did not arrive as JSON text (a row of a payout file). */
    public PaymentRequest parseObject(JsonNode root, PaymentType type) {
        rejectUnknownFields(root);

        String msisdn = phoneNumber(root);
        Country country = Countries.of(msisdn, providers.sandboxNumbersPayable())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_PHONE,
                        "The phone number does not belong to a supported country",
                        Map.of("field", "phoneNumber", "supportedCountries", supportedCountryCodes())));
        ProviderProduct product = product(root, country, type);
        String currency = currency(root, country);
        BigDecimal amount = amount(root, currency);
        String externalId = text(root, "externalId", MAX_EXTERNAL_ID);
        String payerMessage = text(root, "payerMessage", MAX_TEXT);
        String payeeNote = text(root, "payeeNote", MAX_TEXT);
        String metadata = metadata(root);

        String hash = RequestFingerprint.of(String.join("|", type.name(), product.name(), amount.stripTrailingZeros().toPlainString(),
                currency, msisdn, nullToEmpty(externalId), nullToEmpty(payerMessage), nullToEmpty(payeeNote),
                canonical(metadata)));
        return new PaymentRequest(type, product, amount, currency, country, msisdn, externalId, payerMessage,
                payeeNote, metadata, hash);
    }

    /** The body as a JSON object, decimals exact (the compatibility adapters read bodies with it too). */
    public JsonNode readObject(String body) {
        return JsonBodies.object(json, body);
    }

    private static void rejectUnknownFields(JsonNode root) {
        rejectUnknownFields(root, FIELDS);
    }

    public static void rejectUnknownFields(JsonNode root, Set<String> allowed) {
        JsonBodies.rejectUnknownFields(root, allowed);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static String phoneNumber(JsonNode root) {
        JsonNode node = root.get("phoneNumber");
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
            throw new ApiException(ErrorCode.INVALID_PHONE, "phoneNumber is required, in international format",
                    Map.of("field", "phoneNumber", "example", "256772123456"));
        }
        String msisdn = PhoneNumbers.normalise(node.asText());
        if (msisdn == null) {
            throw new ApiException(ErrorCode.INVALID_PHONE,
                    "phoneNumber must be digits in international format, e.g. 256772123456",
                    Map.of("field", "phoneNumber", "example", "256772123456"));
        }
        return msisdn;
    }

    private ProviderProduct product(JsonNode root, Country country, PaymentType type) {
        JsonNode node = root.get("provider");
        Provider provider;
        if (node == null || node.isNull()) {
            // Inferred from the number: every market has exactly one provider today.
            provider = country.providers().iterator().next();
        } else {
            if (!node.isTextual()) {
                throw ApiException.invalidField("provider", "provider must be a string: MTN_MOMO or MPESA");
            }
            provider = Provider.parse(node.asText()).orElseThrow(() -> new ApiException(ErrorCode.UNSUPPORTED_PROVIDER,
                    "Unknown provider '" + node.asText() + "'; use MTN_MOMO or MPESA", Map.of("field", "provider")));
            if (!country.providers().contains(provider)) {
                throw new ApiException(ErrorCode.UNSUPPORTED_PROVIDER,
                        provider.displayName() + " does not serve " + country.name(),
                        Map.of("field", "provider", "country", country.code()));
            }
        }
        ProviderProduct product = ProviderProduct.carrying(provider, type)
                .filter(supportedProducts::supports)
                .orElseThrow(() -> new ApiException(ErrorCode.UNSUPPORTED_PROVIDER,
                        provider.displayName() + " " + type.name().toLowerCase() + "s are not supported",
                        Map.of("field", "provider", "provider", provider.name(), "type", type.name())));
        return product;
    }

    private static String currency(JsonNode root, Country country) {
        JsonNode node = root.get("currency");
        if (node == null || node.isNull()) {
            return country.currency();
        }
        String currency = node.isTextual() ? node.asText().trim() : "";
        if (!CURRENCY.matcher(currency).matches() || !Currencies.isSupported(currency)) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY, "currency must be an ISO 4217 code the gateway supports",
                    Map.of("field", "currency", "expected", country.currency()));
        }
        if (!currency.equals(country.currency())) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY,
                    "Payments to " + country.name() + " numbers are in " + country.currency(),
                    Map.of("field", "currency", "expected", country.currency(), "country", country.code()));
        }
        return currency;
    }

    private BigDecimal amount(JsonNode root, String currency) {
        JsonNode node = root.get("amount");
        if (node == null || node.isNull()) {
            throw new ApiException(ErrorCode.INVALID_AMOUNT, "amount is required", Map.of("field", "amount"));
        }
        BigDecimal amount = positiveAmount(node, currency);
        limits.forCurrency(currency).ifPresent(limit -> {
            if (limit.min() != null && amount.compareTo(limit.min()) < 0) {
                throw new ApiException(ErrorCode.AMOUNT_TOO_LOW, "The minimum is " + limit.min().toPlainString() + " " + currency,
                        limitDetails(limit, currency));
            }
            if (limit.max() != null && amount.compareTo(limit.max()) > 0) {
                throw new ApiException(ErrorCode.AMOUNT_TOO_HIGH, "The maximum is " + limit.max().toPlainString() + " " + currency,
                        limitDetails(limit, currency));
            }
        });
        return amount;
    }

    /** A positive decimal (string or JSON number) with no more decimals than the currency has. */
    static BigDecimal positiveAmount(JsonNode node, String currency) {
        String text = node.isNumber() ? node.decimalValue().toPlainString() : node.isTextual() ? node.asText().trim() : "";
        if (!AMOUNT.matcher(text).matches()) {
            throw new ApiException(ErrorCode.INVALID_AMOUNT,
                    "amount must be a positive decimal number such as \"1000\" or \"10.50\"", Map.of("field", "amount"));
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            throw new ApiException(ErrorCode.INVALID_AMOUNT, "amount must be greater than zero", Map.of("field", "amount"));
        }
        if (!Currencies.fitsMinorUnits(amount, currency)) {
            int decimals = Currencies.minorUnits(currency).orElse(0);
            throw new ApiException(ErrorCode.INVALID_AMOUNT,
                    currency + " amounts take " + (decimals == 0 ? "no decimals" : "at most " + decimals + " decimals"),
                    Map.of("field", "amount", "currency", currency, "decimals", decimals));
        }
        return amount;
    }

    private static Map<String, Object> limitDetails(AmountLimits.Limit limit, String currency) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", "amount");
        details.put("currency", currency);
        details.put("min", limit.min() == null ? null : limit.min().toPlainString());
        details.put("max", limit.max() == null ? null : limit.max().toPlainString());
        return details;
    }

    static String text(JsonNode root, String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(field, field + " must be a string");
        }
        String value = node.asText().trim();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.invalidField(field, field + " must be at most " + maxLength + " characters");
        }
        if (CONTROL_CHARS.matcher(value).find()) {
            throw ApiException.invalidField(field, field + " must not contain control characters");
        }
        // MTN answers 400 to an apostrophe in payerMessage/payeeNote (docs/providers.md#mtn-authentication).
        if (value.indexOf('\'') >= 0) {
            throw ApiException.invalidField(field, field + " must not contain an apostrophe (') : the provider rejects it");
        }
        return value;
    }

    private String metadata(JsonNode root) {
        JsonNode node = root.get("metadata");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.invalidField("metadata", "metadata must be a JSON object");
        }
        String serialised = node.toString();
        if (serialised.length() > MAX_METADATA_BYTES) {
            throw ApiException.invalidField("metadata", "metadata must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
        }
        return serialised;
    }

    private String canonical(String metadata) {
        if (metadata == null) {
            return "";
        }
        try {
            return canonicalJson.writeValueAsString(canonicalJson.readValue(metadata, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata was parsed a moment ago", e);
        }
    }

    private static List<String> supportedCountryCodes() {
        return Countries.ALL.stream().map(Country::code).toList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
