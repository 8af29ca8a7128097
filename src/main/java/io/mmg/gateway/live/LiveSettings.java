package io.mmg.gateway.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.live.*: live payment status for checkout pages (docs/live-status.md). Client tokens live
 * {@code tokenTtl}; a page may keep {@code maxPerPayment} connections to one payment and a merchant
 * {@code maxPerMerchant} on this instance; a connection that got nothing for {@code idleTimeout} is closed, and one
 * whose reader lets {@code maxQueued} messages pile up, or takes longer than {@code sendTimeout} for one, is dropped.
 * The signing keys: {@link ClientTokenKeys}.
 */
@ConfigurationProperties("gateway.live")
public record LiveSettings(
        Duration tokenTtl,
        String signingKeys,
        String currentKey,
        int maxPerPayment,
        int maxPerMerchant,
        Duration idleTimeout,
        Duration sendTimeout,
        int maxQueued,
        int senderThreads,
        Duration listenerRetry) {

    public LiveSettings {
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(10) : tokenTtl;
        maxPerPayment = maxPerPayment <= 0 ? 5 : maxPerPayment;
        maxPerMerchant = maxPerMerchant <= 0 ? 1000 : maxPerMerchant;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(5) : sendTimeout;
        maxQueued = maxQueued <= 0 ? 16 : maxQueued;
        senderThreads = senderThreads <= 0 ? 4 : senderThreads;
        listenerRetry = listenerRetry == null ? Duration.ofSeconds(2) : listenerRetry;
    }
}
