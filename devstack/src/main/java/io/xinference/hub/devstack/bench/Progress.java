package io.xinference.hub.devstack.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the benchmark is doing, on standard error, so a long run shows it is alive. */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.err.printf("[bench %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    }
}
