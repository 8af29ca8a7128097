package io.mmg.gateway.web;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * The only message headers a route's HTTP answer carries. camel-platform-http writes every message header into the
 * response, and a message starts with the request's headers (Authorization, Cookie, anything the caller sent), so a
 * route that forgot to clear them echoed them back. application.yaml sets this strategy on the platform-http
 * component (camel.component.platform-http.header-filter-strategy), hence on every endpoint and REST verb it creates,
 * route files added later included. Content-Type is not listed: the binding sets it from the message on its own.
 * A route that needs another response header adds it here (and to README "Security").
 */
@Component("responseHeaderAllowList")
public class ResponseHeaderAllowList extends HttpHeaderFilterStrategy {

    static final Set<String> ALLOWED = caseInsensitive("Content-Disposition", "Retry-After", "Location",
            "Idempotent-Replayed", "X-Request-Id", "Cache-Control");
    /** RateLimit, RateLimit-Policy, RateLimit-Remaining, ... (IETF RateLimit header fields). */
    private static final String RATE_LIMIT = "ratelimit";

    /** True = not written into the answer. Request headers are still read into the message as before. */
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !allowed(headerName);
    }

    /**
     * True = not read into the message. Besides Camel's own (Camel*), Content-Encoding: the binding gzips an answer
     * whose message carries "Content-Encoding: gzip", so a request saying so got a gzipped answer without the header.
     * A compressed request body is not supported: read as it is, it is not UTF-8 and is refused.
     */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return "Content-Encoding".equalsIgnoreCase(headerName)
                || super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    static boolean allowed(String headerName) {
        return headerName != null
                && (ALLOWED.contains(headerName) || headerName.toLowerCase(Locale.ROOT).startsWith(RATE_LIMIT));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return Collections.unmodifiableSet(set);
    }
}
