package io.xinference.hub.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine the figures come from: CPU model, cores, memory, load when the report is written. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String load = read(Path.of("/proc/loadavg"));
        return String.format("%d cores (%s), %s memory, load average %s, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu, memory,
                load.isEmpty() ? "?" : String.join(" ", java.util.Arrays.copyOf(load.split(" "), 3)),
                System.getProperty("java.version"));
    }

    private static String firstValue(Path file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "?";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
