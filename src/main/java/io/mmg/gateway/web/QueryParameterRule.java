package io.mmg.gateway.web;

import io.mmg.gateway.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter the endpoint does not know is refused with 400 and the list of those it does, so a typo
 * ({@code ?staus=SUCCESSFUL}) never silently returns everything. The allowed parameters are the ones the REST verb
 * declares ({@code param} with {@code type: query} in its route file, {@link DeclaredQueryParameters}), which the
 * OpenAPI document shows too. Applies to the gateway's own API, /api/v1, every verb; the adapters of other APIs
 * (docs/compatibility.md) keep those APIs' leniency, and provider callbacks are never refused for an extra parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class QueryParameterRule extends OncePerRequestFilter {

    private static final String API = "/api/v1/";

    private final DeclaredQueryParameters declared;

    public QueryParameterRule(DeclaredQueryParameters declared) {
        this.declared = declared;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null || !request.getRequestURI().startsWith(API);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> names;
        try {
            names = names(request.getQueryString());
        } catch (IllegalArgumentException e) {
            ErrorResponses.write(response, ErrorCode.INVALID_REQUEST,
                    "The query string is malformed: a % must be followed by two hex digits of UTF-8", Map.of());
            return;
        }
        Optional<Set<String>> allowed = declared.of(request.getMethod(), request.getRequestURI());
        if (allowed.isPresent() && !allowed.get().containsAll(names)) {
            Set<String> unknown = new TreeSet<>(names);
            unknown.removeAll(allowed.get());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("unknownParameters", List.copyOf(unknown));
            details.put("allowedParameters", List.copyOf(new TreeSet<>(allowed.get())));
            ErrorResponses.write(response, ErrorCode.INVALID_REQUEST, "Unknown query parameter(s): "
                    + String.join(", ", unknown) + (allowed.get().isEmpty() ? "; this endpoint takes none"
                    : "; allowed: " + String.join(", ", new TreeSet<>(allowed.get()))), details);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The decoded parameter names of a raw query string ("a=1&b&c=" has a, b and c). Values are decoded too: one
     * that cannot be (a lone %) is refused rather than dropped, as the servlet container would drop it.
     */
    static Set<String> names(String query) {
        Set<String> names = new TreeSet<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (equals >= 0) {
                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
