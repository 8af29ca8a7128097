package io.mmg.gateway.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the console's single page at /console and /console/ (its files are static resources under
 * static/console), with headers that keep it to its own origin: scripts and styles only from the gateway, no
 * framing, no referrer, no caching of the page itself.
 */
@Component
class ConsolePages extends OncePerRequestFilter {

    static final String PREFIX = "/console";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI();
        if (path.equals(PREFIX)) {
            response.sendRedirect(PREFIX + "/");
            return;
        }
        if (path.equals(PREFIX + "/") && "GET".equals(request.getMethod())) {
            request.getRequestDispatcher(PREFIX + "/index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
