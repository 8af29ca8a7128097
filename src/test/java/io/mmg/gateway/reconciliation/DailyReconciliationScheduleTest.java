package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The day a start-up makes up (reconciliation-daily-catch-up): triggers live in memory, so a firing due while no
 * instance ran is not fired late by a scheduler; the start-up asks for the day of the latest firing instead.
 */
class DailyReconciliationScheduleTest {

    private static final String AT_01_30 = "0 30 1 * * ?";

    @Test
    void after_today_s_firing_time_it_is_yesterday() {
        assertThat(at("2026-03-10T09:00:00Z").dayOfLastFiring()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void before_today_s_firing_time_it_is_the_day_before_yesterday() {
        assertThat(at("2026-03-10T01:00:00Z").dayOfLastFiring()).isEqualTo(LocalDate.of(2026, 3, 8));
    }

    @Test
    void at_the_firing_time_it_is_the_day_that_firing_reconciles() {
        DailyReconciliation daily = at("2026-03-10T01:30:00Z");
        assertThat(daily.dayOfLastFiring()).isEqualTo(daily.previousDay());
    }

    @Test
    void a_schedule_that_fired_not_within_two_days_makes_up_nothing() {
        // 1 January only.
        assertThat(new DailyReconciliation("0 30 1 1 1 ?", clock("2026-03-10T09:00:00Z")).dayOfLastFiring()).isNull();
    }

    private static DailyReconciliation at(String instant) {
        return new DailyReconciliation(AT_01_30, clock(instant));
    }

    private static Clock clock(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
