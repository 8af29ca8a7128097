package io.mmg.gateway.live;

import io.mmg.gateway.api.ApiException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** Where a live status request carries its client token, and the error body it is refused with. */
final class LiveRequests {

    /** The subprotocol a browser offers next to its token (new WebSocket(url, [PROTOCOL, token])). */
    static final String PROTOCOL = "mmg.payment-updates";

    private LiveRequests() {
    }

    /**
     * The token from ?token=, else from Sec-WebSocket-Protocol (the offered protocol that is not ours: browsers cannot
     * set headers on a WebSocket), else from Authorization: Bearer.
     */
    static String token(String queryToken, HttpHeaders headers) {
        if (queryToken != null && !queryToken.isBlank()) {
            return queryToken;
        }
        String protocols = headers.getFirst("Sec-WebSocket-Protocol");
        if (protocols != null) {
            String offered = Arrays.stream(protocols.split(",")).map(String::trim)
                    .filter(p -> !p.isEmpty() && !p.equals(PROTOCOL)).findFirst().orElse(null);
            if (offered != null) {
                return offered;
            }
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    static Map<String, Object> errorBody(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("code", e.code().name());
        body.put("details", e.details());
        return body;
    }
}
