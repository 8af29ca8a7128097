package io.mmg.gateway.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import jakarta.websocket.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * GET /api/v1/live/payments/{id}: a WebSocket following that payment, for a client token of it (checked at the handshake,
 * LiveHandshake). Read-only: what the page sends is ignored. Closes with 1000 after the final state.
 */
@Component
class LiveWebSocketHandler extends TextWebSocketHandler {

    static final String GRANT = "liveGrant";
    private static final String SUBSCRIBER = "liveSubscriber";
    /** Tomcat's bound on one blocking write of a WebSocket message (milliseconds). */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final LiveSubscriptions subscriptions;
    private final LiveSettings settings;
    private final ObjectMapper json;

    LiveWebSocketHandler(LiveSubscriptions subscriptions, LiveSettings settings, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        ClientTokens.Grant grant = (ClientTokens.Grant) session.getAttributes().get(GRANT);
        Session tomcat = session instanceof NativeWebSocketSession n ? n.getNativeSession(Session.class) : null;
        if (tomcat != null) {
            tomcat.getUserProperties().put(TOMCAT_SEND_TIMEOUT, settings.sendTimeout().toMillis());
        }
        WebSocketSubscriber subscriber = new WebSocketSubscriber(grant, session, json);
        session.getAttributes().put(SUBSCRIBER, subscriber);
        try {
            subscriptions.subscribe(subscriber);
        } catch (ApiException full) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason(full.getMessage()));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // read-only: nothing a page sends changes anything
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        closed(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed(session);
    }

    private static void closed(WebSocketSession session) {
        if (session.getAttributes().get(SUBSCRIBER) instanceof LiveSubscriber subscriber) {
            subscriber.close(true, "closed by the page");
        }
    }
}
