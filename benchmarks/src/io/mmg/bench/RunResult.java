package io.mmg.bench;

import java.util.Locale;

/** What one load run measured. */
record RunResult(String name, double offeredPerSecond, double achievedPerSecond, int requests, int errors,
                 double p50Ms, double p99Ms, String firstError) {

    boolean ok(double p99LimitMs) {
        return errors == 0 && p99Ms <= p99LimitMs && achievedPerSecond >= 0.95 * offeredPerSecond;
    }

    String line() {
        return String.format(Locale.ROOT, "%-28s offered %7.0f/s  achieved %7.0f/s  p50 %7.2f ms  p99 %8.2f ms  errors %d%s",
                name, offeredPerSecond, achievedPerSecond, p50Ms, p99Ms, errors,
                firstError == null ? "" : " (first: " + firstError + ")");
    }
}
