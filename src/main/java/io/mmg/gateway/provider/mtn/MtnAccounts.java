package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.Countries;
import io.mmg.gateway.payment.Country;
import io.mmg.gateway.payment.PhoneNumbers;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderQueryFailures;
import io.mmg.gateway.provider.ProviderReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * MTN's synchronous queries, sent through the products' own routes (token, circuit breaker): the balance of
 * each product account (docs/providers.md#mtn-accounts) and whether a number is an active wallet, with its KYC name on request (docs/providers.md#mtn-accounts).
 */
@Component("mtnAccounts")
public class MtnAccounts {

    /** GET /account-holders/{phoneNumber}: which number, asked through which product. */
    public record AccountHolderQuery(String msisdn, Country country, MtnProduct product, boolean details) {
    }

    private final MtnSettings settings;
    private final MtnRequests requests;
    private final MtnResponses responses;
    private final JsonReplies replies;
    private final ProducerTemplate producer;

    public MtnAccounts(MtnSettings settings, MtnRequests requests, MtnResponses responses, JsonReplies replies,
                       @Lazy ProducerTemplate producer) {
        this.settings = settings;
        this.requests = requests;
        this.responses = responses;
        this.replies = replies;
        this.producer = producer;
    }

    /**
     * Reads {phoneNumber} and the optional {@code provider}, {@code product} (COLLECTION, DISBURSEMENT,
     * REMITTANCE: whose subscription asks) and {@code details} query parameters; picks the product's route.
     */
    public AccountHolderQuery accountHolderQuery(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("phoneNumber", String.class);
        String msisdn = raw == null ? null : PhoneNumbers.normalise(raw);
        Country country = msisdn == null ? null : Countries.of(msisdn, settings.isSandbox()).orElse(null);
        if (country == null) {
            throw new ApiException(ErrorCode.INVALID_PHONE,
                    "The phone number must be in international format and belong to a supported country",
                    Map.of("field", "phoneNumber", "example", "256772123456"));
        }
        String providerParam = exchange.getMessage().getHeader("provider", String.class);
        Provider provider = providerParam == null || providerParam.isBlank()
                ? country.providers().iterator().next()
                : Provider.parse(providerParam).orElseThrow(() -> new ApiException(ErrorCode.UNSUPPORTED_PROVIDER,
                        "Unknown provider '" + providerParam + "'", Map.of("field", "provider")));
        if (provider != Provider.MTN_MOMO || !country.providers().contains(provider)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_PROVIDER,
                    "Account holder checks are offered for MTN MoMo numbers only",
                    Map.of("field", "provider", "provider", provider.name(), "country", country.code()));
        }
        MtnProduct product = product(exchange.getMessage().getHeader("product", String.class));
        boolean details = "true".equalsIgnoreCase(exchange.getMessage().getHeader("details", String.class));
        exchange.setProperty(ExchangeProperties.ROUTE_KEY, product.providerProduct().routeKey());
        return new AccountHolderQuery(msisdn, country, product, details);
    }

    public ProviderCall activeCall(AccountHolderQuery query) {
        return requests.accountHolder(query.product(), query.msisdn(), query.country().code(), false);
    }

    public ProviderCall basicUserInfoCall(AccountHolderQuery query) {
        return requests.accountHolder(query.product(), query.msisdn(), query.country().code(), true);
    }

    /**
     * 200 {@code {"phoneNumber", "provider", "country", "status": ACTIVE | NOT_ACTIVE | NOT_FOUND, "active"}}, plus
     * {@code name} when details were asked for. A number MTN does not know is an answer (404 from MTN), not an error.
     */
    public void accountHolderReply(Exchange exchange, AccountHolderQuery query, ProviderReply active,
                                   ProviderReply basicUserInfo) {
        String status = active.status() == 404 ? "NOT_FOUND"
                : responses.read(active.body()).path("result").asBoolean(false) ? "ACTIVE" : "NOT_ACTIVE";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phoneNumber", query.msisdn());
        body.put("provider", Provider.MTN_MOMO.name());
        body.put("country", query.country().code());
        body.put("status", status);
        body.put("active", "ACTIVE".equals(status));
        if (basicUserInfo != null && basicUserInfo.status() == 200) {
            JsonNode info = responses.read(basicUserInfo.body());
            Map<String, Object> name = new LinkedHashMap<>();
            name.put("givenName", text(info, "given_name"));
            name.put("familyName", text(info, "family_name"));
            body.put("name", name);
        }
        replies.reply(exchange, 200, body);
    }

    /** The holder's KYC name from a basicuserinfo answer ("Sand Box"), or null when MTN did not give one. */
    public String fullName(ProviderReply basicUserInfo) {
        if (basicUserInfo == null || basicUserInfo.status() != 200) {
            return null;
        }
        JsonNode info = responses.read(basicUserInfo.body());
        String name = String.join(" ", Stream.of(text(info, "given_name"), text(info, "family_name"))
                .filter(part -> part != null && !part.isBlank()).toList());
        return name.isEmpty() ? null : name;
    }

    /**
     * GET /balances (admin): each MTN product account's balance, asked through the product's own route. A product
     * that cannot answer shows why, the others still show their balance. {@code country} picks the environment
     * outside the sandbox.
     */
    public void balances(Exchange exchange) {
        String country = country(exchange.getMessage().getHeader("country", String.class));
        String environment = settings.targetEnvironmentFor(country);
        List<Map<String, Object>> balances = new ArrayList<>();
        for (MtnProduct product : MtnProduct.values()) {
            balances.add(balance(product, country));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", Provider.MTN_MOMO.name());
        body.put("targetEnvironment", environment);
        body.put("balances", balances);
        replies.reply(exchange, 200, body);
    }

    private Map<String, Object> balance(MtnProduct product, String country) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("product", product.name());
        MtnSettings.Credentials credentials = settings.credentials(product);
        if (blank(credentials.subscriptionKey()) || blank(credentials.apiUser()) || blank(credentials.apiKey())) {
            entry.put("error", "NOT_CONFIGURED");
            entry.put("message", "No credentials for MTN " + product.path() + " (gateway.mtn." + product.path() + ".*)");
            return entry;
        }
        ProviderCall call = requests.balance(product, country);
        Exchange answer = producer.send("direct:mtn-" + product.path(),
                sub -> sub.setProperty(ExchangeProperties.PROVIDER_CALL, call));
        if (answer.getException() != null) {
            ProviderQueryFailures.Failure failure = ProviderQueryFailures.describe(answer.getException());
            entry.put("error", failure.code().name());
            entry.put("message", failure.message());
            entry.putAll(failure.details());
            return entry;
        }
        ProviderReply reply = answer.getMessage().getBody(ProviderReply.class);
        JsonNode balance = responses.read(reply.body());
        if (reply.status() != 200 || !balance.hasNonNull("availableBalance")) {
            entry.put("error", ErrorCode.PROVIDER_ERROR.name());
            entry.put("message", "MTN answered " + reply.status() + " without a balance");
            return entry;
        }
        // Strings, as MTN sends them (docs/providers.md#mtn-accounts): never through a double.
        entry.put("availableBalance", balance.get("availableBalance").asText());
        entry.put("currency", text(balance, "currency"));
        return entry;
    }

    /** The country whose environment is asked: optional in the sandbox (one environment), required otherwise. */
    private String country(String param) {
        if (param == null || param.isBlank()) {
            if (settings.isSandbox()) {
                return Countries.MTN_SANDBOX.code();
            }
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    "country is required: each MTN country has its own environment and account",
                    Map.of("field", "country"));
        }
        String code = param.trim().toUpperCase(Locale.ROOT);
        boolean mtnCountry = Countries.byCode(code).map(c -> c.providers().contains(Provider.MTN_MOMO)).orElse(false);
        if (!mtnCountry) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "country must be the code of an MTN MoMo country",
                    Map.of("field", "country"));
        }
        return code;
    }

    private static MtnProduct product(String param) {
        if (param == null || param.isBlank()) {
            return MtnProduct.COLLECTION;
        }
        try {
            return MtnProduct.valueOf(param.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "product must be COLLECTION, DISBURSEMENT or REMITTANCE",
                    Map.of("field", "product"));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
