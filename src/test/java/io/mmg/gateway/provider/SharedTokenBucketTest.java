package io.mmg.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.mmg.gateway.support.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The provider rate limit kept in PostgreSQL holds for all instances together (docs/provider-limits.md). */
@GatewayIntegrationTest
class SharedTokenBucketTest {

    private static final double RATE = 20;
    private static final int THREADS_PER_INSTANCE = 2;
    private static final int PERMITS_PER_THREAD = 10;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HikariDataSource dataSource;

    @Test
    void two_instances_on_one_database_together_take_no_more_than_the_rate() throws Exception {
        String limit = "test-" + UUID.randomUUID();
        // Each instance with its own connections to the database, as two gateway processes would have.
        List<SharedTokenBucket> instances = List.of(
                new SharedTokenBucket(jdbc, limit, RATE, SharedTokenBucket.SYSTEM),
                new SharedTokenBucket(new JdbcTemplate(ownConnections()), limit, RATE, SharedTokenBucket.SYSTEM));
        ExecutorService callers = Executors.newFixedThreadPool(instances.size() * THREADS_PER_INSTANCE);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> threads = new ArrayList<>();
            for (SharedTokenBucket instance : instances) {
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    threads.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < PERMITS_PER_THREAD; i++) {
                            instance.acquire();
                        }
                    }, callers));
                }
            }
            CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            double window = (System.nanoTime() - start) / 1e9;

            int granted = instances.size() * THREADS_PER_INSTANCE * PERMITS_PER_THREAD;
            // The first permit is free at once, each further one an interval later: rate x window + 1, and one
            // more for the clocks' rounding. Two buckets of their own would have granted twice the rate.
            assertThat((double) granted).isLessThanOrEqualTo(RATE * window + 2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void an_idle_spell_is_not_saved_up_as_a_burst() {
        String limit = "test-" + UUID.randomUUID();
        List<Long> waits = new ArrayList<>();
        SharedTokenBucket bucket = new SharedTokenBucket(jdbc, limit, 10, waits::add);
        bucket.acquire();
        jdbc.update("UPDATE provider_rate_limit SET next_free = now() - interval '1 hour' WHERE name = ?", limit);

        assertThat(bucket.acquire()).isZero();
        assertThat(bucket.acquire()).isPositive().isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void several_permits_in_one_statement_wait_as_long_as_that_many_single_ones() {
        String limit = "test-" + UUID.randomUUID();
        List<Long> waits = new ArrayList<>();
        SharedTokenBucket bucket = new SharedTokenBucket(jdbc, limit, 10, waits::add);

        // Five permits at 10 a second: the first is free now, the last 0.4 s later; the next caller's 0.5 s later.
        long setWait = bucket.acquire(5);
        long nextWait = bucket.acquire();

        assertThat(setWait).isBetween(TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(400));
        assertThat(nextWait).isBetween(TimeUnit.MILLISECONDS.toNanos(400), TimeUnit.MILLISECONDS.toNanos(500));
    }

    private DriverManagerDataSource ownConnections() {
        return new DriverManagerDataSource(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }
}
