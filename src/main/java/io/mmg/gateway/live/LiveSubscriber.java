package io.mmg.gateway.live;

import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One open connection following one payment (a WebSocket or an event stream). Updates are queued and written by the
 * shared sender threads, one drain at a time per connection, so a slow reader holds up only its own queue: when more
 * than {@code maxQueued} messages wait, or one write takes longer than the send timeout (LiveSubscriptions' sweep), the
 * connection is dropped. Only newer states than the last one sent go out, and the connection closes after a final one.
 */
public abstract class LiveSubscriber {

    private record Outgoing(PaymentUpdate update, boolean closeAfter) {
    }

    private final UUID paymentId;
    private final UUID merchantId;
    private final String shape;
    private final Queue<Outgoing> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long lastVersion = -1;
    private String lastStatus;
    private boolean finalQueued;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long sendStartedNanos;
    private Executor sender;
    private int maxQueued;
    private Consumer<LiveSubscriber> onClose;

    protected LiveSubscriber(ClientTokens.Grant grant) {
        this.paymentId = grant.paymentId();
        this.merchantId = grant.merchantId();
        this.shape = grant.shape();
    }

    /** The message of an update in the shape this connection's token asked for. */
    protected Map<String, Object> message(PaymentUpdate update) {
        return update.message(shape);
    }

    /** Writes one message; may block up to the send timeout. */
    protected abstract void send(PaymentUpdate update) throws Exception;

    /** Ends the connection: normally after a final state, or for the reason given (idle, slow reader, shutdown). */
    protected abstract void disconnect(boolean normal, String reason);

    void attach(Executor sender, int maxQueued, Consumer<LiveSubscriber> onClose) {
        this.sender = sender;
        this.maxQueued = maxQueued;
        this.onClose = onClose;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public UUID merchantId() {
        return merchantId;
    }

    /** Queues the update if it is newer than what this connection has and says something new. */
    public void deliver(PaymentUpdate update) {
        synchronized (this) {
            if (closed.get() || finalQueued || update.version() <= lastVersion) {
                return;
            }
            lastVersion = update.version();
            if (update.status().equals(lastStatus)) {
                return;
            }
            lastStatus = update.status();
            finalQueued = update.isFinal();
        }
        if (queued.incrementAndGet() > maxQueued) {
            close(false, "too many updates waiting: slow reader");
            return;
        }
        queue.add(new Outgoing(update, update.isFinal()));
        if (draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    private void drain() {
        do {
            Outgoing next;
            while ((next = queue.poll()) != null) {
                queued.decrementAndGet();
                if (closed.get()) {
                    return;
                }
                sendStartedNanos = System.nanoTime();
                try {
                    send(next.update());
                } catch (Exception e) {
                    close(false, "write failed");
                    return;
                } finally {
                    sendStartedNanos = 0;
                }
                lastActivityNanos = System.nanoTime();
                if (next.closeAfter()) {
                    close(true, "payment is final");
                    return;
                }
            }
            draining.set(false);
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    /** Idle for longer than this, or stuck in one write for longer than the send timeout. */
    boolean overdue(long now, long idleNanos, long sendTimeoutNanos) {
        long started = sendStartedNanos;
        return started != 0 && now - started > sendTimeoutNanos || now - lastActivityNanos > idleNanos;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes once; the registry forgets it at once. */
    public void close(boolean normal, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (onClose != null) {
            onClose.accept(this);
        }
        disconnect(normal, reason);
    }
}
