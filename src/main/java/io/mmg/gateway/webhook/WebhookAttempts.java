package io.mmg.gateway.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.security.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the webhook delivery worker (routes/webhooks.yaml): claim, sign and send one attempt, and decide
 * from its answer whether the delivery is delivered (any 2xx), retried later (backoff) or failed for good.
 * Logs name the delivery and the outcome only: never the URL, the body or a secret.
 */
@Component("webhookAttempts")
public class WebhookAttempts {

    public static final String EVENT_ID_HEADER = "X-Gateway-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-Gateway-Event-Type";
    static final String NO_ENDPOINT = "No webhook endpoint is configured";
    private static final int MAX_ERROR_LENGTH = 500;
    private static final Logger log = LoggerFactory.getLogger(WebhookAttempts.class);

    private final WebhookSettings settings;
    private final WebhookBackoff backoff;
    private final WebhookEvents events;
    private final MeterRegistry meters;
    private final SecretCipher cipher;
    private final Clock clock = Clock.systemUTC();

    public WebhookAttempts(WebhookSettings settings, WebhookEvents events, MeterRegistry meters, SecretCipher cipher) {
        this.cipher = cipher;
        this.settings = settings;
        this.backoff = settings.backoff();
        this.events = events;
        this.meters = meters;
    }

    /** claim-webhook-deliveries.sql: how many, and for how long they are this instance's. */
    public Map<String, Object> claimParams() {
        return Map.of("batchSize", settings.batchSize(), "leaseSeconds", Math.max(1, settings.lease().toSeconds()));
    }

    /** A claimed row, its secrets decrypted (a secret that cannot be: the delivery waits for its lease, logged). */
    public WebhookDelivery claimed(Map<String, Object> row) {
        return WebhookDelivery.of(row, cipher::decrypt);
    }

    /** select-payment.sql: the delivery's payment, for its first body. */
    public Map<String, Object> paymentParams(WebhookDelivery delivery) {
        return Map.of("id", delivery.paymentId(), "clientId", delivery.clientId());
    }

    /** fix-webhook-payload.sql: the body this delivery will send every time. */
    public Map<String, Object> payloadParams(WebhookDelivery delivery, Map<String, Object> paymentRow) {
        return Map.of("id", delivery.id(), "payload", events.envelope(delivery, paymentRow));
    }

    /** fix-webhook-payload.sql answers the one column, the body as fixed. */
    public WebhookDelivery withPayload(WebhookDelivery delivery, String payload) {
        return delivery.withPayload(payload);
    }

    /** The signed POST: only our headers (the exchange's are cleared), the body as UTF-8 bytes. */
    public void prepare(Exchange exchange, WebhookDelivery delivery) {
        Instant now = clock.instant();
        exchange.setProperty(ExchangeProperties.WEBHOOK_ATTEMPT_STARTED_AT, now);
        exchange.setProperty(ExchangeProperties.WEBHOOK_ATTEMPT_STARTED_NANOS, System.nanoTime());
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);   // the enum camel-http reads, no conversion
        message.setHeader(Exchange.HTTP_URI, delivery.url());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        message.setHeader("User-Agent", "mobile-money-gateway-webhooks/1");
        message.setHeader(EVENT_ID_HEADER, delivery.id().toString());
        message.setHeader(EVENT_TYPE_HEADER, delivery.eventType());
        message.setHeader(WebhookSignature.HEADER, WebhookSignature.header(now.getEpochSecond(), delivery.payload(),
                delivery.secret(), delivery.previousSecret()));
        message.setBody(delivery.payload().getBytes(StandardCharsets.UTF_8));
    }

    /** The endpoint answered; its headers and body are dropped. */
    public WebhookAttempt answered(Exchange exchange, WebhookDelivery delivery) {
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        message.removeHeaders("*");
        message.setBody(null);
        return attempt(exchange, delivery.url(), status == null ? 0 : status, null);
    }

    /** No answer: connection refused, timeout, TLS failure, unknown host, ... */
    public WebhookAttempt unreachable(Exchange exchange, WebhookDelivery delivery) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = caught == null ? "No answer"
                : caught.getClass().getSimpleName() + (caught.getMessage() == null ? "" : ": " + caught.getMessage());
        exchange.getMessage().removeHeaders("*");
        return attempt(exchange, delivery.url(), null,
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
    }

    /** The merchant removed its endpoint after the event: nothing to send to, the delivery ends. */
    public WebhookAttempt noEndpoint() {
        return new WebhookAttempt(clock.instant(), null, null, NO_ENDPOINT, 0);
    }

    /** record-webhook-attempt.sql: the attempt, and the delivery's next state under this claim's lease. */
    public Map<String, Object> resultParams(WebhookDelivery delivery, WebhookAttempt attempt) {
        String status;
        Long retryInMs = null;
        if (attempt.delivered()) {
            status = "DELIVERED";
        } else {
            Optional<Duration> retryIn = attempt.url() == null ? Optional.empty()
                    : backoff.next(delivery.attempt(), delivery.firstAttemptAt(), clock.instant(),
                    ThreadLocalRandom.current().nextDouble());
            status = retryIn.isPresent() ? "PENDING" : "FAILED";
            retryInMs = retryIn.map(Duration::toMillis).orElse(null);
            if (retryIn.isPresent()) {
                log.info("Webhook {} attempt {} not delivered ({}); next attempt in {} ms", delivery.id(),
                        delivery.attempt(), attempt.summary(), retryInMs);
            } else {
                log.warn("Webhook {} failed for good after {} attempt(s) ({}); it can be replayed", delivery.id(),
                        delivery.attempt(), attempt.summary());
            }
        }
        meters.counter("gateway.webhooks.attempts", "result", attempt.delivered() ? "delivered" : "not_delivered").increment();
        if (!"PENDING".equals(status)) {
            meters.counter("gateway.webhooks.deliveries", "outcome", status.toLowerCase(java.util.Locale.ROOT)).increment();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", delivery.id());
        params.put("leaseToken", delivery.leaseToken());
        params.put("number", delivery.attempt());
        params.put("url", attempt.url());
        params.put("httpStatus", attempt.httpStatus());
        params.put("error", attempt.error());
        params.put("durationMs", attempt.durationMs());
        params.put("attemptedAt", OffsetDateTime.ofInstant(attempt.attemptedAt(), ZoneOffset.UTC));
        params.put("status", status);
        params.put("retryInMs", retryInMs);
        return params;
    }

    private WebhookAttempt attempt(Exchange exchange, String url, Integer status, String error) {
        Instant startedAt = exchange.getProperty(ExchangeProperties.WEBHOOK_ATTEMPT_STARTED_AT, Instant.class);
        Long startedNanos = exchange.getProperty(ExchangeProperties.WEBHOOK_ATTEMPT_STARTED_NANOS, Long.class);
        long durationMs = startedNanos == null ? 0 : Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        return new WebhookAttempt(startedAt == null ? clock.instant() : startedAt, url, status, error, durationMs);
    }
}
