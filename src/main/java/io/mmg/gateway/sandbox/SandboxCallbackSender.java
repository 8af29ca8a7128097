package io.mmg.gateway.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends simulator callbacks asynchronously, once each and without retries or signatures (MTN's older
 * callback page and the 2018 docs: "sent once"; no provider signs callbacks, docs/providers.md#mtn-callbacks).
 * Bodies and full URLs are never logged: a callback URL may carry a per-payment secret.
 *
 * <p>A pooled blocking client on a few threads: under load the simulator sends as many callbacks as the
 * gateway takes payments, and in the same JVM (the JDK's HttpClient cost the gateway an eighth of its CPU).
 */
@Component
@ConditionalOnSandbox
public class SandboxCallbackSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallbackSender.class);

    /** MTN gives a callback listener 2 seconds to answer (docs/providers.md#mtn-callbacks, newer callback page). */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int SENDERS = 8;

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(SENDERS * 2)
                    .setMaxConnPerRoute(SENDERS * 2)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(TIMEOUT))
                            .setSocketTimeout(Timeout.of(TIMEOUT))
                            .build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(TIMEOUT)).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("sandbox-callback-timer"));
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemonThreads("sandbox-callbacks"));

    public void send(SandboxCallback callback) {
        long delayMillis = Math.max(0, callback.delay().toMillis());
        if (delayMillis == 0) {
            senders.execute(() -> deliver(callback));
        } else {
            scheduler.schedule(() -> senders.execute(() -> deliver(callback)), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(SandboxCallback callback) {
        String target = hostOf(callback.url());
        try {
            HttpUriRequestBase request = new HttpUriRequestBase(callback.method(), callback.url());
            request.setEntity(new StringEntity(callback.body().get(), ContentType.APPLICATION_JSON));
            int status = http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            log.debug("Sandbox callback {} {} to {} answered {}", callback.method(), callback.description(), target, status);
        } catch (IOException | RuntimeException e) {
            log.warn("Sandbox callback {} {} to {} failed: {}", callback.method(), callback.description(), target,
                    e.toString());
        }
    }

    private static String hostOf(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    @Override
    public void destroy() throws IOException {
        scheduler.shutdownNow();
        senders.shutdownNow();
        http.close();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
