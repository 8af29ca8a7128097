package io.mmg.gateway.web;

import io.mmg.gateway.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 503 SERVICE_UNAVAILABLE with Retry-After until the gateway is ready. Tomcat opens the port before Camel starts the
 * routes (Camel starts once the Spring context is refreshed), so for seconds every API path answered 404 NOT_FOUND,
 * which a client reads as "no such API" and gives up on. Open once the application is ready (routes started, Quartz
 * running). The actuator, /livez and /readyz stay reachable: health probes tell "starting" from "down" themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "2";

    private volatile boolean open;

    @EventListener(ApplicationReadyEvent.class)
    public void open() {
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return open || path.startsWith("/actuator/") || path.equals("/livez") || path.equals("/readyz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        ErrorResponses.write(response, ErrorCode.SERVICE_UNAVAILABLE, "The gateway is starting; retry shortly",
                Map.of("retryAfterSeconds", Integer.parseInt(RETRY_AFTER_SECONDS)));
    }
}
