package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.payment.Provider;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The period of POST /reconciliation-runs. */
class ReconciliationRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final Duration MAX_SPAN = Duration.ofDays(31);

    @Test
    void days_cover_from_the_start_of_the_first_to_the_end_of_the_last() {
        ReconciliationRequest request = parse("{\"from\":\"2026-11-01\",\"to\":\"2026-11-01\"}");

        assertThat(request.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(request.to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(request.provider()).isNull();
    }

    @Test
    void instants_are_taken_as_they_are_with_their_offset() {
        ReconciliationRequest request = parse("{\"from\":\"2026-11-01T03:00:00+03:00\",\"to\":\"2026-11-01T12:00:00Z\","
                + "\"provider\":\"M-Pesa\"}");

        assertThat(request.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(request.to()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(request.provider()).isEqualTo(Provider.MPESA);
    }

    @Test
    void the_longest_period_is_allowed_and_a_second_longer_is_not() {
        assertThat(parse("{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}").to())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThatThrownBy(() -> parse("{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:01Z\"}"))
                .isInstanceOf(ApiException.class).hasMessage("The period may span at most 31 days");
    }

    @Test
    void a_period_ending_in_the_future_is_allowed_one_starting_there_is_not() {
        assertThat(parse("{\"from\":\"2026-11-20\",\"to\":\"2026-11-21\"}").to())
                .isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThatThrownBy(() -> parse("{\"from\":\"2026-11-21\",\"to\":\"2026-11-21\"}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("future");
    }

    private static ReconciliationRequest parse(String body) {
        try {
            JsonNode root = new ObjectMapper().readTree(body);
            return ReconciliationRequest.parse(root, MAX_SPAN, NOW);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
