package io.mmg.gateway.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends simulator callbacks asynchronously, once each and without retries or signatures (MTN's older
 * callback page and the 2018 docs: "sent once"; no provider signs callbacks, provider-apis.md A9).
 * Bodies and full URLs are never logged: a callback URL may carry a per-payment secret.
 */
@Component
@ConditionalOnSandbox
public class SandboxCallbackSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallbackSender.class);

    /** MTN gives a callback listener 2 seconds to answer (provider-apis.md A9, newer callback page). */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads());

    public void send(SandboxCallback callback) {
        long delayMillis = Math.max(0, callback.delay().toMillis());
        scheduler.schedule(() -> deliver(callback), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void deliver(SandboxCallback callback) {
        String target = hostOf(callback.url());
        try {
            HttpRequest request = HttpRequest.newBuilder(callback.url())
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .method(callback.method(), HttpRequest.BodyPublishers.ofString(callback.body().get()))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    log.warn("Sandbox callback {} {} to {} failed: {}", callback.method(), callback.description(),
                            target, failure.toString());
                } else {
                    log.debug("Sandbox callback {} {} to {} answered {}", callback.method(),
                            callback.description(), target, response.statusCode());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Sandbox callback {} {} to {} not sent: {}", callback.method(), callback.description(), target,
                    e.toString());
        }
    }

    private static String hostOf(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sandbox-callbacks-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
