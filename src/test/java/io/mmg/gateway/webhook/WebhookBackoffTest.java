package io.mmg.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry schedule of a webhook delivery with the default settings (application.yaml). */
class WebhookBackoffTest {

    private static final Instant FIRST_ATTEMPT = Instant.parse("2026-03-01T08:00:00Z");

    private final WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(10), 2, Duration.ofHours(1), 0.2,
            Duration.ofHours(24));

    /** The times of every attempt of a delivery that is never accepted, each delay drawn with this random value. */
    private List<Instant> attemptsOfANeverAcceptedDelivery(double random) {
        List<Instant> attempts = new ArrayList<>(List.of(FIRST_ATTEMPT));
        Optional<Duration> next = backoff.next(1, FIRST_ATTEMPT, FIRST_ATTEMPT, random);
        while (next.isPresent()) {
            Instant attemptAt = attempts.get(attempts.size() - 1).plus(next.get());
            attempts.add(attemptAt);
            next = backoff.next(attempts.size(), FIRST_ATTEMPT, attemptAt, random);
        }
        return attempts;
    }

    @ParameterizedTest(name = "random {0}")
    @ValueSource(doubles = {0, 0.5, 0.999})
    void a_delivery_is_retried_for_at_least_a_day_after_its_first_attempt(double random) {
        List<Instant> attempts = attemptsOfANeverAcceptedDelivery(random);

        Instant last = attempts.get(attempts.size() - 1);
        assertThat(last).isAfterOrEqualTo(FIRST_ATTEMPT.plus(Duration.ofHours(24)));
        assertThat(last).isBefore(FIRST_ATTEMPT.plus(Duration.ofHours(25)));
        assertThat(attempts.get(attempts.size() - 2)).isBefore(FIRST_ATTEMPT.plus(Duration.ofHours(24)));
    }

    @Test
    void delays_double_from_the_initial_delay_up_to_the_cap() {
        assertThat(List.of(1, 2, 3, 4, 9, 10, 11, 30).stream().map(attempt -> backoff.delay(attempt, 0)).toList())
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                        Duration.ofSeconds(80), Duration.ofSeconds(2560), Duration.ofHours(1), Duration.ofHours(1),
                        Duration.ofHours(1));
    }

    @Test
    void jitter_only_shortens_a_delay_and_by_at_most_its_fraction() {
        assertThat(backoff.delay(3, 0.999)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(40));
        assertThat(backoff.delay(20, 0.999)).isBetween(Duration.ofMinutes(48), Duration.ofHours(1));
        assertThat(backoff.delay(20, 0.5)).isEqualTo(Duration.ofMinutes(54));
    }

    @Test
    void a_failed_attempt_after_the_retry_window_ends_the_delivery() {
        assertThat(backoff.next(31, FIRST_ATTEMPT, FIRST_ATTEMPT.plus(Duration.ofHours(24)), 0)).isEmpty();
        assertThat(backoff.next(31, FIRST_ATTEMPT, FIRST_ATTEMPT.plus(Duration.ofHours(23)), 0)).isPresent();
    }
}
