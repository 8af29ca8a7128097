package io.mmg.gateway.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forces the interleaving a concurrency rule must survive: a test transaction takes a lock the gateway's
 * statement also takes, the requests are sent and wait on it inside that statement (their snapshots already
 * taken), and then all are let go at once. Requests merely sent in parallel rarely overlap that precisely.
 * The holder and the waiting requests share the test pool (10 connections): keep {@code requests} well below.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs {@code requests} calls in parallel while a transaction holds the lock taken by {@code lockSql}; lets
     * them go once that many sessions wait on a lock. Returns the answers in call order.
     */
    public static <T> List<T> whileHolding(JdbcTemplate jdbc, String lockSql, int requests, IntFunction<T> call) {
        ExecutorService callers = Executors.newFixedThreadPool(requests);
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute(lockSql);
            }
            List<CompletableFuture<T>> calls = IntStream.range(0, requests)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> call.apply(i), callers))
                    .toList();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(
                    () -> waitingOnLocks(jdbc) >= requests);
            holder.commit();
            return calls.stream().map(CompletableFuture::join).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            callers.shutdownNow();
        }
    }

    private static int waitingOnLocks(JdbcTemplate jdbc) {
        Integer waiting = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND wait_event_type = 'Lock'", Integer.class);
        return waiting == null ? 0 : waiting;
    }
}
