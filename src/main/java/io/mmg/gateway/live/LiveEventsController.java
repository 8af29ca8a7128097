package io.mmg.gateway.live;

import io.mmg.gateway.api.ApiException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * GET /api/v1/live/payments/{id}/events: the Server-Sent Events fallback of the live status WebSocket, for proxies that block
 * WebSocket. Same token, same messages; the stream ends after the final state. A browser's EventSource reconnects on
 * its own after that: it sends Last-Event-ID, and a final payment it has already seen answers 204, which stops it.
 */
@RestController
@CrossOrigin(origins = "*")
class LiveEventsController {

    private final ClientTokens tokens;
    private final LiveSubscriptions subscriptions;
    private final PaymentStates states;
    private final LiveSettings settings;

    LiveEventsController(ClientTokens tokens, LiveSubscriptions subscriptions, PaymentStates states,
                         LiveSettings settings) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.states = states;
        this.settings = settings;
    }

    @GetMapping(ClientTokenReplies.LIVE_PATHS + "{id}" + ClientTokenReplies.EVENTS_SUFFIX)
    ResponseEntity<SseEmitter> events(@PathVariable("id") String paymentId,
                                      @RequestParam(name = "token", required = false) String token,
                                      @RequestHeader HttpHeaders headers,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        ClientTokens.Grant grant = tokens.verify(LiveRequests.token(token, headers), paymentId);
        if (alreadySeenFinal(grant, lastEventId)) {
            return ResponseEntity.noContent().build();
        }
        SseEmitter emitter = new SseEmitter(settings.idleTimeout().plusMinutes(1).toMillis());
        SseSubscriber subscriber = new SseSubscriber(grant, emitter);
        emitter.onCompletion(() -> subscriber.close(true, "stream ended"));
        emitter.onTimeout(() -> subscriber.close(false, "timed out"));
        emitter.onError(error -> subscriber.close(false, "stream failed"));
        subscriptions.subscribe(subscriber);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Accel-Buffering", "no").contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    private boolean alreadySeenFinal(ClientTokens.Grant grant, String lastEventId) {
        if (lastEventId == null || !lastEventId.matches("\\d{1,18}")) {
            return false;
        }
        Optional<PaymentUpdate> current = states.current(grant.paymentId());
        return current.isPresent() && current.get().isFinal() && current.get().version() <= Long.parseLong(lastEventId);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return ResponseEntity.status(HttpStatus.valueOf(e.code().httpStatus())).contentType(MediaType.APPLICATION_JSON)
                .body(LiveRequests.errorBody(e));
    }
}
