package io.mmg.gateway.webhook;

import java.time.Instant;

/** What one attempt got: an HTTP status, or an error when there was no answer (refused, timed out, no endpoint). */
public record WebhookAttempt(Instant attemptedAt, String url, Integer httpStatus, String error, long durationMs) {

    public boolean delivered() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /** For logs: the status or the kind of error, never the URL (it may carry the merchant's own token). */
    String summary() {
        return httpStatus != null ? "HTTP " + httpStatus : error.split(":", 2)[0];
    }
}
