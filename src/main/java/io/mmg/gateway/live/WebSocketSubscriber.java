package io.mmg.gateway.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** A WebSocket following one payment: each update is a text frame with the PAYMENT_UPDATE JSON. */
class WebSocketSubscriber extends LiveSubscriber {

    private final WebSocketSession session;
    private final ObjectMapper json;

    WebSocketSubscriber(ClientTokens.Grant grant, WebSocketSession session, ObjectMapper json) {
        super(grant);
        this.session = session;
        this.json = json;
    }

    @Override
    protected void send(PaymentUpdate update) throws IOException {
        session.sendMessage(new TextMessage(json.writeValueAsString(message(update))));
    }

    @Override
    protected void disconnect(boolean normal, String reason) {
        try {
            if (session.isOpen()) {
                session.close(normal ? CloseStatus.NORMAL : CloseStatus.GOING_AWAY.withReason(reason));
            }
        } catch (IOException | RuntimeException ignored) {
            // the peer is gone already
        }
    }
}
