package io.mmg.gateway.payment;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.QueryParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Filters and page of GET /payments (the operator console searches with the same ones). Dates are ISO-8601: a day ("2026-11-01", from its start to the
 * end of the day for {@code to}) or an instant ("2026-11-01T10:00:00Z").
 */
public record PaymentQuery(String status, String provider, String type, Instant from, Instant to, String externalId,
                           String phoneNumber, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PaymentQuery parse(Map<String, Object> headers) {
        String status = enumValue(headers, "status", PaymentStatus::valueOf, PaymentStatus.values());
        String provider = text(headers, "provider");
        if (provider != null) {
            provider = Provider.parse(provider).map(Enum::name).orElseThrow(() ->
                    ApiException.invalidField("provider", "provider must be one of " + Arrays.toString(Provider.values())));
        }
        String type = enumValue(headers, "type", PaymentType::valueOf, PaymentType.values());
        Instant from = instant(headers, "from", false);
        Instant to = instant(headers, "to", true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidField("from", "from must be before to");
        }
        String externalId = text(headers, "externalId");
        String phoneNumber = text(headers, "phoneNumber");
        if (phoneNumber != null) {
            String digits = PhoneNumbers.normalise(phoneNumber);
            if (digits == null) {
                throw ApiException.invalidField("phoneNumber", "phoneNumber must be an international number: 256772123456");
            }
            phoneNumber = digits;
        }
        int page = integer(headers, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int size = integer(headers, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new PaymentQuery(status, provider, type, from, to, externalId, phoneNumber, page, size);
    }

    /** Parameters of list-payments.sql and count-payments.sql. */
    public Map<String, Object> params(UUID clientId) {
        Map<String, Object> params = new HashMap<>();
        params.put("clientId", clientId);
        params.put("status", status);
        params.put("provider", provider);
        params.put("type", type);
        params.put("from", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        params.put("to", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        params.put("externalId", externalId);
        params.put("phoneNumber", phoneNumber);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return params;
    }

    private static <E extends Enum<E>> String enumValue(Map<String, Object> headers, String name,
                                                        Function<String, E> parse, E[] values) {
        String value = text(headers, name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, name + " must be one of " + Arrays.toString(values));
        }
    }

    private static Instant instant(Map<String, Object> headers, String name, boolean endOfDay) {
        String value = text(headers, name);
        return value == null ? null : parseInstant(value, name, endOfDay);
    }

    /** An ISO-8601 day (its start, or with {@code endOfDay} the start of the next day) or instant, as field {@code name}. */
    public static Instant parseInstant(String value, String name, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, name + " must be an ISO-8601 date (2026-11-01) or instant (2026-11-01T10:00:00Z)");
        }
    }

    private static int integer(Map<String, Object> headers, String name, int fallback, int min, int max) {
        return QueryParameters.integer(headers, name, fallback, min, max);
    }

    private static String text(Map<String, Object> headers, String name) {
        return QueryParameters.text(headers, name);
    }
}
