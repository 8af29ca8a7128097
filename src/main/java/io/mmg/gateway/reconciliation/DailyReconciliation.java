package io.mmg.gateway.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The daily job (routes/reconciliation.yaml): one run per merchant for the previous UTC day. */
@Component("dailyReconciliation")
public class DailyReconciliation {

    private final Clock clock = Clock.systemUTC();

    public LocalDate previousDay() {
        return LocalDate.now(clock).minusDays(1);
    }

    /** insert-scheduled-reconciliation-runs.sql for a UTC day. */
    public Map<String, Object> params(LocalDate day) {
        return Map.of("from", OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC),
                "to", OffsetDateTime.of(day.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
    }
}
