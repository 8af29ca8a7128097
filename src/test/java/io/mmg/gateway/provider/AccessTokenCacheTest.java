package io.mmg.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();

    private Supplier<AccessToken> provider(Duration lifetime, long fetchMillis) {
        return () -> {
            int n = fetches.incrementAndGet();
            sleep(fetchMillis);
            return AccessToken.issued("token-" + n, clock.instant(), lifetime);
        };
    }

    @Test
    void a_token_is_reused_until_it_is_due_for_refresh() {
        AccessTokenCache cache = new AccessTokenCache("t", provider(Duration.ofHours(1), 0), Duration.ofMinutes(10), clock);

        assertThat(cache.token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(49));
        assertThat(cache.token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(2));   // 10 minutes before expiry
        assertThat(cache.token()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void many_callers_without_a_token_share_one_fetch() throws Exception {
        AccessTokenCache cache = new AccessTokenCache("t", provider(Duration.ofHours(1), 200), Duration.ofMinutes(10), clock);
        List<String> tokens = callConcurrently(cache, 20);

        assertThat(tokens).containsOnly("token-1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void during_a_refresh_the_others_keep_using_the_still_valid_token() throws Exception {
        AccessTokenCache cache = new AccessTokenCache("t", provider(Duration.ofHours(1), 300), Duration.ofMinutes(10), clock);
        cache.token();
        clock.advance(Duration.ofMinutes(55));

        List<String> tokens = callConcurrently(cache, 20);

        assertThat(fetches).hasValue(2);
        assertThat(tokens).contains("token-2").allMatch(t -> t.equals("token-1") || t.equals("token-2"));
    }

    @Test
    void a_rejected_token_is_forgotten_and_the_next_call_fetches_a_new_one() {
        AccessTokenCache cache = new AccessTokenCache("t", provider(Duration.ofHours(1), 0), Duration.ofMinutes(10), clock);
        String rejected = cache.token();

        cache.invalidate(rejected);

        assertThat(cache.token()).isEqualTo("token-2");
        cache.invalidate("token-1");   // a late rejection of the old token does not drop the new one
        assertThat(cache.token()).isEqualTo("token-2");
    }

    @Test
    void a_short_lived_token_is_not_refreshed_on_every_call() {
        AccessTokenCache cache = new AccessTokenCache("t", provider(Duration.ofSeconds(60), 0), Duration.ofMinutes(10), clock);
        cache.token();
        clock.advance(Duration.ofSeconds(20));
        cache.token();
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofSeconds(15));
        cache.token();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void a_failed_fetch_without_a_valid_token_fails_the_callers() {
        AccessTokenCache cache = new AccessTokenCache("t", () -> {
            throw new IllegalStateException("down");
        }, Duration.ofMinutes(10), clock);
        assertThatThrownBy(cache::token).hasMessage("down");
    }

    private static List<String> callConcurrently(AccessTokenCache cache, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return cache.token();
                }));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> future : futures) {
                tokens.add(future.get());
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
