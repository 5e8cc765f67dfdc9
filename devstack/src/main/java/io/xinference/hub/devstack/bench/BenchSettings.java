package io.xinference.hub.devstack.bench;

import java.nio.file.Path;

/**
 * Where the stack runs and how big the run is; every value from a system property ({@code -Dbench.x=...}) that
 * {@code devstack/bin/bench.sh} sets, with modest defaults.
 */
record BenchSettings(String commandUrl, String queryUrl, String keycloakUrl, String jdbcUrl, String elasticsearchUrl,
                     String indexPrefix, long commandPid, long queryPid, Path outputDir, Path staticDir,
                     int clients, int seconds, int lagRate, int lagSeconds, int searchModels, int rebuildEvents,
                     int downloadEntries) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                required("bench.commandUrl"), required("bench.queryUrl"), required("bench.keycloakUrl"),
                required("bench.jdbcUrl"), required("bench.esUrl"), System.getProperty("bench.indexPrefix", "hub"),
                Long.getLong("bench.commandPid", -1), Long.getLong("bench.queryPid", -1),
                Path.of(System.getProperty("bench.out", "target/bench")),
                Path.of(required("bench.staticDir")),
                Integer.getInteger("bench.clients", 4), Integer.getInteger("bench.seconds", 10),
                Integer.getInteger("bench.lagRate", 200), Integer.getInteger("bench.lagSeconds", 20),
                Integer.getInteger("bench.searchModels", 10_000), Integer.getInteger("bench.rebuildEvents", 100_000),
                Integer.getInteger("bench.downloadEntries", 160));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is missing (run the benchmark through ./hub bench)");
        }
        return value;
    }
}
