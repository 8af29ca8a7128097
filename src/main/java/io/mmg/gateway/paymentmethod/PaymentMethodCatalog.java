package io.mmg.gateway.paymentmethod;

import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.AmountLimits;
import io.mmg.gateway.payment.Countries;
import io.mmg.gateway.payment.Country;
import io.mmg.gateway.payment.Currencies;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.payment.ProviderProduct;
import io.mmg.gateway.payment.SupportedProducts;
import io.mmg.gateway.provider.mtn.MtnSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * GET /payment-methods: what the gateway offers, built from what decides a payment request (the country table,
 * {@link SupportedProducts}, {@link AmountLimits}), so the list can never promise what a request would refuse.
 * Limits are per currency, so each provider lists its currencies, and each currency the countries that use it.
 */
@Component("paymentMethodCatalog")
public class PaymentMethodCatalog {

    private final SupportedProducts supportedProducts;
    private final AmountLimits limits;
    private final MtnSettings mtn;
    private final SavedPaymentMethods saved;
    private final JsonReplies replies;

    public PaymentMethodCatalog(SupportedProducts supportedProducts, AmountLimits limits, MtnSettings mtn,
                                SavedPaymentMethods saved, JsonReplies replies) {
        this.supportedProducts = supportedProducts;
        this.limits = limits;
        this.mtn = mtn;
        this.saved = saved;
        this.replies = replies;
    }

    /** The offer and the merchant's saved methods (rows of list-saved-payment-methods.sql). */
    public void reply(Exchange exchange, List<Map<String, Object>> savedRows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("methods", Arrays.stream(Provider.values()).map(this::method).toList());
        body.put("savedMethods", saved.renderAll(savedRows));
        replies.reply(exchange, 200, body);
    }

    Map<String, Object> method(Provider provider) {
        List<String> types = Arrays.stream(PaymentType.values())
                .filter(type -> ProviderProduct.carrying(provider, type).filter(supportedProducts::supports).isPresent())
                .map(Enum::name).toList();
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("provider", provider.name());
        method.put("displayName", provider.displayName());
        method.put("enabled", !types.isEmpty());
        method.put("paymentTypes", types);
        method.put("currencies", currencies(provider));
        return method;
    }

    private List<Map<String, Object>> currencies(Provider provider) {
        Map<String, List<Country>> byCurrency = new LinkedHashMap<>();
        // MTN's sandbox test numbers exist only while MTN's sandbox is the target (Countries.MTN_SANDBOX).
        Stream.concat(Countries.ALL.stream(), mtn.isSandbox() ? Stream.of(Countries.MTN_SANDBOX) : Stream.empty())
                .filter(country -> country.providers().contains(provider))
                .forEach(country -> byCurrency.computeIfAbsent(country.currency(), currency -> new ArrayList<>()).add(country));
        List<Map<String, Object>> currencies = new ArrayList<>();
        byCurrency.forEach((currency, countries) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("currency", currency);
            entry.put("decimals", Currencies.minorUnits(currency).orElse(0));
            entry.put("limits", limits.forCurrency(currency).map(PaymentMethodCatalog::limits).orElse(null));
            entry.put("countries", countries.stream().map(PaymentMethodCatalog::country).toList());
            currencies.add(entry);
        });
        return currencies;
    }

    private static Map<String, Object> limits(AmountLimits.Limit limit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("min", plain(limit.min()));
        view.put("max", plain(limit.max()));
        view.put("daily", plain(limit.daily()));
        return view;
    }

    private static Map<String, Object> country(Country country) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("country", country.code());
        view.put("name", country.name());
        view.put("dialCode", country.dialCode());
        view.put("nationalNumberLengths", country.nationalLengths());
        return view;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
