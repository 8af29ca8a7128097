package io.mmg.gateway.payment;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Per phone number, per currency, per UTC day limits (gateway.limits.&lt;CURRENCY&gt;.daily). Money in and money
 * out are counted apart: what a number paid today (collections) and what it received (disbursements,
 * remittances, refunds). PENDING, UNKNOWN, NEEDS_REVIEW and SUCCESSFUL payments count, failed and expired ones do not.
 * The check itself is made by insert-payment.sql, inside the statement that stores the payment, so that two
 * concurrent requests cannot both pass it. Refunds are counted but never refused: they give back money the
 * number paid and are bounded by it.
 */
@Component("dailyLimits")
public class DailyLimits {

    /** Which payments count together against one daily limit. */
    public enum Direction {
        IN(EnumSet.of(PaymentType.COLLECTION)),
        OUT(EnumSet.of(PaymentType.DISBURSEMENT, PaymentType.REMITTANCE, PaymentType.REFUND));

        private final Set<PaymentType> types;

        Direction(Set<PaymentType> types) {
            this.types = types;
        }

        public Set<PaymentType> types() {
            return types;
        }

        public static Direction of(PaymentType type) {
            return IN.types.contains(type) ? IN : OUT;
        }
    }

    private final AmountLimits limits;

    public DailyLimits(AmountLimits limits) {
        this.limits = limits;
    }

    /** The daily limit this request is held to; null when there is none (or it is a refund). */
    public BigDecimal limitFor(PaymentRequest request) {
        if (request.type() == PaymentType.REFUND) {
            return null;
        }
        return limits.forCurrency(request.currency()).map(AmountLimits.Limit::daily).orElse(null);
    }

    /** The insert-payment.sql parameters of the daily check. */
    public Map<String, Object> params(PaymentRequest request) {
        Direction direction = Direction.of(request.type());
        Map<String, Object> params = new HashMap<>();
        params.put("dailyLimit", limitFor(request));
        params.put("direction", direction.name());
        params.put("dailyTypes", direction.types().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        return params;
    }

    /** After insert-payment.sql: a payment the daily limit refused was not stored; say why, with the numbers. */
    public void requireAdmitted(Map<String, Object> row, Exchange exchange) {
        if (!Boolean.TRUE.equals(row.get("daily_limit_exceeded"))) {
            return;
        }
        throw refusal(exchange.getProperty(ExchangeProperties.REQUEST, PaymentRequest.class), (BigDecimal) row.get("daily_total"));
    }

    /** Why a request the daily limit refused was not stored, with the numbers ({@code used}: the day's total before it). */
    public ApiException refusal(PaymentRequest request, BigDecimal used) {
        BigDecimal limit = limitFor(request);
        String currency = request.currency();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("currency", currency);
        details.put("direction", Direction.of(request.type()).name());
        details.put("dailyLimit", Currencies.format(limit, currency));
        details.put("usedToday", Currencies.format(used, currency));
        details.put("remaining", Currencies.format(limit.subtract(used).max(BigDecimal.ZERO), currency));
        details.put("amount", Currencies.format(request.amount(), currency));
        return new ApiException(ErrorCode.DAILY_LIMIT_EXCEEDED, "This payment would take the number over its daily "
                + "limit of " + limit.toPlainString() + " " + currency + " (" + Currencies.format(used, currency)
                + " used today, UTC)", details);
    }
}
