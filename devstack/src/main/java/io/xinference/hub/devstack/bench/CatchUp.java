package io.xinference.hub.devstack.bench;

/** The live catalogue projection catching up with events appended to the store at once (seeded). */
record CatchUp(long events, long models, double seconds) {

    double eventsPerSecond() {
        return events / seconds;
    }
}
