package io.mmg.gateway.reconciliation;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The daily job (routes/reconciliation.yaml): one run per merchant for the previous UTC day. Every instance fires it
 * from its own in-memory scheduler; insert-scheduled-reconciliation-runs.sql makes any firing after the first create
 * nothing. A firing missed because no instance was running at the time is made up at the next start.
 */
@Component("dailyReconciliation")
public class DailyReconciliation {

    /** How far back a start-up looks for a firing it may have missed. */
    private static final Duration CATCH_UP_WINDOW = Duration.ofDays(2);

    private final Clock clock;
    private final CronExpression schedule;

    @Autowired
    public DailyReconciliation(@Value("${gateway.reconciliation.daily.cron}") String cron) {
        this(cron, Clock.systemUTC());
    }

    DailyReconciliation(String cron, Clock clock) {
        this.clock = clock;
        try {
            this.schedule = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("gateway.reconciliation.daily.cron is not a Quartz cron expression: " + cron, e);
        }
        this.schedule.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    public LocalDate previousDay() {
        return LocalDate.now(clock).minusDays(1);
    }

    /**
     * The day the schedule's latest firing before now (within two days) reconciled, or null if none: what a start-up
     * asks for, in case every instance was down when it was due. Asked again, it creates nothing.
     */
    public LocalDate dayOfLastFiring() {
        Instant now = clock.instant();
        Date last = null;
        Date next = schedule.getNextValidTimeAfter(Date.from(now.minus(CATCH_UP_WINDOW)));
        // Bounded, should a schedule fire every few seconds (then the made-up day is only an earlier one).
        for (int i = 0; next != null && !next.toInstant().isAfter(now) && i < 10_000; i++) {
            last = next;
            next = schedule.getNextValidTimeAfter(next);
        }
        return last == null ? null : LocalDate.ofInstant(last.toInstant(), ZoneOffset.UTC).minusDays(1);
    }

    /** insert-scheduled-reconciliation-runs.sql for a UTC day. */
    public Map<String, Object> params(LocalDate day) {
        return Map.of("from", OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC),
                "to", OffsetDateTime.of(day.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
    }
}
