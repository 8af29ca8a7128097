package io.mmg.gateway.live;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The connections open on this instance, by payment. Status changes come from PaymentStatusListener (any instance's,
 * through PostgreSQL NOTIFY); after the listener reconnected, every followed payment is read again, so a change
 * missed meanwhile still arrives. Caps per payment and per merchant hold on this instance.
 */
@Component
public class LiveSubscriptions implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubscriptions.class);

    private final Map<UUID, Set<LiveSubscriber>> byPayment = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> byMerchant = new ConcurrentHashMap<>();
    private final PaymentStates states;
    private final LiveSettings settings;
    private final ExecutorService sender;
    private final ExecutorService readers;
    private final ScheduledExecutorService sweeper;

    public LiveSubscriptions(PaymentStates states, LiveSettings settings) {
        this.states = states;
        this.settings = settings;
        this.sender = Executors.newFixedThreadPool(settings.senderThreads(), named("live-send-"));
        this.readers = Executors.newFixedThreadPool(2, named("live-read-"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(named("live-sweep-"));
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** Refused (429) when the payment or the merchant already has as many connections as allowed here. */
    public void requireRoom(UUID paymentId, UUID merchantId) {
        int forPayment = byPayment.getOrDefault(paymentId, Set.of()).size();
        if (forPayment >= settings.maxPerPayment()) {
            throw new ApiException(ErrorCode.RATE_LIMITED, "This payment already has " + forPayment
                    + " live connections, the most allowed", Map.of("limit", settings.maxPerPayment()));
        }
        AtomicInteger forMerchant = byMerchant.get(merchantId);
        if (forMerchant != null && forMerchant.get() >= settings.maxPerMerchant()) {
            throw new ApiException(ErrorCode.RATE_LIMITED, "Too many live connections for this merchant",
                    Map.of("limit", settings.maxPerMerchant()));
        }
    }

    /** Registers the connection, then sends it the payment's current state. */
    public void subscribe(LiveSubscriber subscriber) {
        synchronized (this) {
            requireRoom(subscriber.paymentId(), subscriber.merchantId());
            subscriber.attach(sender, settings.maxQueued(), this::forget);
            byPayment.computeIfAbsent(subscriber.paymentId(), id -> ConcurrentHashMap.newKeySet()).add(subscriber);
            byMerchant.computeIfAbsent(subscriber.merchantId(), id -> new AtomicInteger()).incrementAndGet();
        }
        states.current(subscriber.paymentId()).ifPresentOrElse(subscriber::deliver,
                () -> subscriber.close(false, "no such payment"));
    }

    private synchronized void forget(LiveSubscriber subscriber) {
        byPayment.computeIfPresent(subscriber.paymentId(), (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
        byMerchant.computeIfPresent(subscriber.merchantId(), (id, count) ->
                count.decrementAndGet() <= 0 ? null : count);
    }

    /** A status change announced by the database. */
    public void changed(PaymentUpdate update) {
        Set<LiveSubscriber> subscribers = byPayment.get(update.paymentId());
        if (subscribers != null) {
            subscribers.forEach(subscriber -> subscriber.deliver(update));
        }
    }

    /** Reads every followed payment again: notifications sent while the listener was away are lost. */
    public void refreshAll() {
        for (UUID paymentId : List.copyOf(byPayment.keySet())) {
            readers.execute(() -> {
                try {
                    states.current(paymentId).ifPresent(this::changed);
                } catch (RuntimeException e) {
                    LOG.warn("Live status: cannot read payment {} again: {}", paymentId, e.getMessage());
                }
            });
        }
    }

    public int open() {
        return byPayment.values().stream().mapToInt(Set::size).sum();
    }

    private void sweep() {
        long now = System.nanoTime();
        long idle = settings.idleTimeout().toNanos();
        long sendTimeout = settings.sendTimeout().toNanos();
        byPayment.values().forEach(set -> set.stream().filter(s -> s.overdue(now, idle, sendTimeout)).toList()
                .forEach(s -> s.close(false, "idle or slow reader")));
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
        byPayment.values().forEach(set -> List.copyOf(set).forEach(s -> s.close(false, "gateway shutting down")));
        sender.shutdownNow();
        readers.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
