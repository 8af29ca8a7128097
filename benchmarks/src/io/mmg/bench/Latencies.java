package io.mmg.bench;

import java.util.Arrays;

/** Latencies of one run, in nanoseconds, and their percentiles. */
final class Latencies {

    private long[] values = new long[1 << 14];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile (0..100) in milliseconds; NaN when nothing was measured. */
    synchronized double percentileMs(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }
}
