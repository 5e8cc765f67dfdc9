package io.xinference.hub.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a local process from /proc: current (VmRSS) and the peak so far (VmHWM), in MiB. */
record ProcessMemory(long currentMiB, long peakMiB) {

    static ProcessMemory of(long pid) {
        if (pid <= 0) {
            return new ProcessMemory(-1, -1);
        }
        try {
            long rss = -1;
            long peak = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kibibytes(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kibibytes(line) / 1024;
                }
            }
            return new ProcessMemory(rss, peak);
        } catch (IOException e) {
            return new ProcessMemory(-1, -1);
        }
    }

    private static long kibibytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
