package io.mmg.gateway.security;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guards the admin paths (ApiPaths: /api/v1/admin/**, /api/v1/balances): the operator's key from
 * GATEWAY_ADMIN_API_KEY; no key configured = closed. AuthenticationGuard calls it before the route runs; a route
 * that still names it as a step finds the request already admitted and goes on.
 */
@Component("adminAuthenticator")
public class AdminAuthenticator {

    private final String adminKey;

    public AdminAuthenticator(@Value("${gateway.admin.api-key:}") String adminKey) {
        this.adminKey = adminKey;
    }

    public void authenticate(Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.getProperty(ExchangeProperties.ADMIN))) {
            return;
        }
        if (adminKey.isBlank()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The admin API is disabled: set GATEWAY_ADMIN_API_KEY to enable it");
        }
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (!Secrets.constantTimeEquals(adminKey, presented)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Send the admin key as 'Authorization: Bearer <key>'");
        }
        exchange.setProperty(ExchangeProperties.ADMIN, true);
    }
}
