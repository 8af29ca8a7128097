package io.mmg.gateway.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-currency limits (gateway.limits.&lt;CURRENCY&gt;.min/max/daily): per transaction and per phone
 * number per day. Defaults in application.yaml follow the first specification where it gives numbers.
 */
@ConfigurationProperties("gateway")
public record AmountLimits(Map<String, Limit> limits) {

    public AmountLimits {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    public Optional<Limit> forCurrency(String currency) {
        return Optional.ofNullable(limits.get(currency));
    }

    public record Limit(BigDecimal min, BigDecimal max, BigDecimal daily) {
    }
}
