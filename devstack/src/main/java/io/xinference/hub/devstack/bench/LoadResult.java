package io.xinference.hub.devstack.bench;

/** A closed-loop load: operations done, failures, elapsed seconds and the latency of each operation. */
record LoadResult(long operations, long failures, double seconds, Latencies latencies) {

    double perSecond() {
        return operations / seconds;
    }

    String summary() {
        return String.format("%,d ops in %.1f s = %,.0f/s, %s, %d failed", operations, seconds, perSecond(),
                latencies.summary(), failures);
    }
}
