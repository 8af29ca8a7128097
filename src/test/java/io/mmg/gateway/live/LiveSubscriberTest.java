package io.mmg.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection's queue: order, only newer states, close after the final one, and a slow reader dropped alone. */
class LiveSubscriberTest {

    private final ExecutorService sender = Executors.newFixedThreadPool(2);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        sender.shutdownNow();
    }

    @Test
    void only_newer_states_go_out_in_order_and_the_connection_closes_after_the_final_one() {
        Recorder page = new Recorder(false);
        page.attach(sender, 16, s -> { });

        page.deliver(update(page, "PENDING", 1));
        page.deliver(update(page, "UNKNOWN", 3));
        page.deliver(update(page, "PENDING", 2));      // older than what was sent: a late read
        page.deliver(update(page, "UNKNOWN", 4));      // nothing new to say
        page.deliver(update(page, "SUCCESSFUL", 5));
        page.deliver(update(page, "FAILED", 6));       // final states never change; nothing after a final one

        await().atMost(Duration.ofSeconds(5)).until(() -> page.closedNormally != null);
        assertThat(page.sent).containsExactly("PENDING", "UNKNOWN", "SUCCESSFUL");
        assertThat(page.closedNormally).isTrue();
    }

    @Test
    void a_slow_reader_is_dropped_when_its_queue_is_full_while_another_connection_still_gets_its_messages() {
        Recorder slow = new Recorder(true);
        Recorder quick = new Recorder(false);
        List<LiveSubscriber> forgotten = new CopyOnWriteArrayList<>();
        slow.attach(sender, 2, forgotten::add);
        quick.attach(sender, 2, forgotten::add);

        slow.deliver(update(slow, "PENDING", 1));       // being written, blocked
        slow.deliver(update(slow, "UNKNOWN", 2));
        slow.deliver(update(slow, "NEEDS_REVIEW", 3));
        slow.deliver(update(slow, "PENDING", 4));       // a third waiting message: over the bound
        quick.deliver(update(quick, "PENDING", 1));
        quick.deliver(update(quick, "SUCCESSFUL", 2));

        await().atMost(Duration.ofSeconds(5)).until(() -> quick.closedNormally != null);
        assertThat(quick.sent).containsExactly("PENDING", "SUCCESSFUL");
        assertThat(slow.isClosed()).isTrue();
        assertThat(slow.closedNormally).isFalse();
        assertThat(forgotten).contains(slow, quick);
    }

    @Test
    void a_connection_idle_or_stuck_in_one_write_for_too_long_is_overdue() throws Exception {
        Recorder slow = new Recorder(true);
        slow.attach(sender, 16, s -> { });
        long idle = Duration.ofMinutes(10).toNanos();
        assertThat(slow.overdue(System.nanoTime(), idle, Duration.ofSeconds(5).toNanos())).isFalse();

        slow.deliver(update(slow, "PENDING", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.writing);

        assertThat(slow.overdue(System.nanoTime(), idle, Duration.ofMillis(1).toNanos())).isTrue();
        assertThat(slow.overdue(System.nanoTime() + idle + 1, idle, Duration.ofMinutes(1).toNanos())).isTrue();
    }

    private static PaymentUpdate update(LiveSubscriber page, String status, long version) {
        return new PaymentUpdate(page.paymentId(), status, null, Instant.now(), version);
    }

    /** A connection that records what it was sent; a blocked one never finishes a write until the test ends. */
    private final class Recorder extends LiveSubscriber {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final boolean blocked;
        volatile boolean writing;
        volatile Boolean closedNormally;

        Recorder(boolean blocked) {
            super(new ClientTokens.Grant(UUID.randomUUID(), UUID.randomUUID()));
            this.blocked = blocked;
        }

        @Override
        protected void send(PaymentUpdate update) throws Exception {
            writing = true;
            if (blocked) {
                release.await();
            }
            sent.add(update.status());
        }

        @Override
        protected void disconnect(boolean normal, String reason) {
            closedNormally = normal;
        }
    }
}
