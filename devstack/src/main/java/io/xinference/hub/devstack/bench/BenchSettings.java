package io.xinference.hub.devstack.bench;

import java.nio.file.Path;

/**
 * Where the stack runs and how big the run is; every value from a system property ({@code -Dbench.x=...}) that
 * {@code devstack/bin/bench.sh} sets, with modest defaults.
 */
record BenchSettings(String commandUrl, String queryUrl, String keycloakUrl, String jdbcUrl, String elasticsearchUrl,
                     String indexPrefix, long commandPid, long queryPid, Path commandPidFile, Path queryPidFile,
                     Path outputDir, Path staticDir,
                     int clients, int seconds, int lagRate, int lagSeconds, int searchModels, int rebuildEvents,
                     int downloadEntries) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                required("bench.commandUrl"), required("bench.queryUrl"), required("bench.keycloakUrl"),
                required("bench.jdbcUrl"), required("bench.esUrl"), System.getProperty("bench.indexPrefix", "hub"),
                Long.getLong("bench.commandPid", -1), Long.getLong("bench.queryPid", -1),
                optionalPath("bench.commandPidFile"), optionalPath("bench.queryPidFile"),
                Path.of(System.getProperty("bench.out", "target/bench")),
                Path.of(required("bench.staticDir")),
                Integer.getInteger("bench.clients", 4), Integer.getInteger("bench.seconds", 10),
                Integer.getInteger("bench.lagRate", 200), Integer.getInteger("bench.lagSeconds", 20),
                Integer.getInteger("bench.searchModels", 10_000), Integer.getInteger("bench.rebuildEvents", 100_000),
                Integer.getInteger("bench.downloadEntries", 160));
    }

    private static Path optionalPath(String name) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? null : Path.of(value);
    }

    /** Whether the benchmark may stop and start the apps (it knows their pid files). */
    boolean canRestartApps() {
        return commandPidFile != null && queryPidFile != null && commandPid > 0 && queryPid > 0;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is missing (run the benchmark through ./hub bench)");
        }
        return value;
    }
}
