package io.mmg.gateway.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Checks the client token before a WebSocket is upgraded: a refused one (401) or a full payment (429) is answered in
 * the error format as plain HTTP, so the page's onerror/onclose fires and nothing is opened.
 */
@Component
class LiveHandshake implements HandshakeInterceptor {

    private final ClientTokens tokens;
    private final LiveSubscriptions subscriptions;
    private final ObjectMapper json;

    LiveHandshake(ClientTokens tokens, LiveSubscriptions subscriptions, ObjectMapper json) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        String queryToken = request instanceof ServletServerHttpRequest servlet
                ? servlet.getServletRequest().getParameter("token") : null;
        try {
            String path = request.getURI().getPath();
            ClientTokens.Grant grant = tokens.verify(LiveRequests.token(queryToken, request.getHeaders()),
                    path.substring(path.lastIndexOf('/') + 1));
            subscriptions.requireRoom(grant.paymentId(), grant.merchantId());
            attributes.put(LiveWebSocketHandler.GRANT, grant);
            return true;
        } catch (ApiException refused) {
            response.setStatusCode(HttpStatusCode.valueOf(refused.code().httpStatus()));
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            response.getBody().write(json.writeValueAsBytes(LiveRequests.errorBody(refused)));
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to do
    }
}
