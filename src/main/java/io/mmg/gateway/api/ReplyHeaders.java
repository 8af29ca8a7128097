package io.mmg.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Headers decided before a route runs that every answer of the request carries, success or error (the RateLimit-*
 * headers, Retry-After of a 429). Replies clear every header so nothing of the request leaks out; they put these
 * back from the exchange property {@link ExchangeProperties#REPLY_HEADERS}.
 */
public final class ReplyHeaders {

    private ReplyHeaders() {
    }

    /** Sets the header now and keeps it for the reply, whichever step writes it. */
    public static void put(Exchange exchange, String name, String value) {
        @SuppressWarnings("unchecked")
        Map<String, String> headers = exchange.getProperty(ExchangeProperties.REPLY_HEADERS, Map.class);
        if (headers == null) {
            headers = new LinkedHashMap<>();
            exchange.setProperty(ExchangeProperties.REPLY_HEADERS, headers);
        }
        headers.put(name, value);
        exchange.getMessage().setHeader(name, value);
    }

    /** Puts the kept headers back on the message (after a reply cleared the headers). */
    public static void restore(Exchange exchange) {
        Map<?, ?> headers = exchange.getProperty(ExchangeProperties.REPLY_HEADERS, Map.class);
        if (headers != null) {
            headers.forEach((name, value) -> exchange.getMessage().setHeader((String) name, value));
        }
    }
}
