package io.xinference.hub.devstack.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from many threads; percentiles by sorting (runs are small). */
final class Latencies {

    private long[] values = new long[4096];
    private int count;

    synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** @return the percentile (0..100) in milliseconds, NaN when nothing was recorded */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    String summary() {
        return String.format("p50 %.1f ms, p99 %.1f ms (%d samples)", percentileMillis(50), percentileMillis(99), count());
    }
}
