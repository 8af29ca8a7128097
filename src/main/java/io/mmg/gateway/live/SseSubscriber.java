package io.mmg.gateway.live;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An event stream following one payment: each update is an unnamed event (EventSource's onmessage) whose data is the
 * PAYMENT_UPDATE JSON and whose id is its version, so a browser that reconnects says what it has (Last-Event-ID).
 */
class SseSubscriber extends LiveSubscriber {

    private final SseEmitter emitter;

    SseSubscriber(ClientTokens.Grant grant, SseEmitter emitter) {
        super(grant);
        this.emitter = emitter;
    }

    @Override
    protected void send(PaymentUpdate update) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(update.version()))
                .data(message(update), MediaType.APPLICATION_JSON));
    }

    @Override
    protected void disconnect(boolean normal, String reason) {
        try {
            emitter.complete();
        } catch (RuntimeException ignored) {
            // the response is gone already
        }
    }
}
