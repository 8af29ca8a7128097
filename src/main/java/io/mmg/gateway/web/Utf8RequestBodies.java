package io.mmg.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are read as UTF-8, strictly (RFC 8259: JSON between systems is UTF-8; payout files too). The routes
 * read a body through the request's reader; Tomcat's reader failed on bytes that are not UTF-8 (a UTF-16 body, a
 * binary file) with an exception that said only "Stream closed", answered 500. This reader fails with the caller's
 * mistake instead ({@link StrictUtf8Reader}), which the routes' error handling answers 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class Utf8RequestBodies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Utf8Request(request), response);
    }

    private static final class Utf8Request extends HttpServletRequestWrapper {

        private BufferedReader reader;

        Utf8Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                reader = new StrictUtf8Reader(getInputStream(), isCsv(getContentType()));
            }
            return reader;
        }

        private static boolean isCsv(String contentType) {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
        }
    }
}
