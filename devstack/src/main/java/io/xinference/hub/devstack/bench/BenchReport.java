package io.xinference.hub.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one run measured, written as {@code report.md} with SVG charts next to it. */
final class BenchReport {

    BenchSettings settings;
    String command = "./hub bench";
    DownloadVsStatic.Result download;
    LoadResult commands;
    LoadResult rawInserts;
    long rawInsertRows;
    ProjectionLag.Result lag;
    long searchModels;
    LoadResult search;
    final List<CatchUp> catchUps = new ArrayList<>();
    /** The events seeded for the rebuild while the apps were stopped, and how long the seeding took. */
    CatchUp rebuildSeeding;
    CatalogueRebuild.Result rebuild;
    MemoryLog memory;
    final Map<String, String> notMeasured = new LinkedHashMap<>();
    double runSeconds;

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> charts = writeCharts(dir);
        Files.writeString(dir.resolve("report.md"), markdown(charts));
    }

    private String markdown(List<String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# Models Hub benchmark, ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append("\n\n");
        md.append("Command: `").append(command).append("` (").append(String.format(Locale.ROOT, "%.0f", runSeconds))
                .append(" s in all). Machine: ").append(Machine.describe()).append(".\n\n");
        md.append("Sizes: ").append(settings.clients()).append(" clients, ").append(settings.seconds())
                .append(" s per closed-loop case; lag at ").append(settings.lagRate()).append(" commands/s for ")
                .append(settings.lagSeconds()).append(" s; search over ≥ ").append(settings.searchModels())
                .append(" models; rebuild from ≥ ").append(settings.rebuildEvents()).append(" events; download of ")
                .append(settings.downloadEntries()).append(" LLM entries. The load generator runs on the same cores "
                        + "as PostgreSQL, Elasticsearch, Keycloak and both apps, so every ratio below compares two "
                        + "figures taken on the same machine, in the same run, under the same conditions.\n\n");
        md.append("## Against the machine's own limits\n\n");
        md.append("| measure | hub | limit, same run | ratio | target | met |\n|---|---|---|---|---|---|\n");
        if (commands != null && rawInserts != null) {
            ratioRow(md, "commands (register : update = 1 : 2, HTTP + JWT)", commands.perSecond(), "commands/s",
                    rawInserts.perSecond(), "raw JDBC insert + commit of the same event rows", 0.5);
        }
        if (rebuild != null) {
            ratioRow(md, "catalogue rebuild via `/api/admin/rebuilds/catalogue`", rebuild.rebuildDocumentsPerSecond(),
                    "documents/s", rebuild.bulkDocumentsPerSecond(), "raw ES bulk of the same documents", 0.7);
        }
        if (download != null) {
            ratioRow(md, "Xinference download, " + download.entries() + " LLM entries", download.download().perSecond(),
                    "req/s", download.staticFile().perSecond(), "same bytes as a static file, same server", 0.5);
        }
        if (lag != null) {
            double p99 = lag.projectionLag().percentileMillis(99);
            md.append(String.format(Locale.ROOT, "| projection lag p99 (command answer → catalogue document at that "
                            + "version) at %,.0f commands/s achieved (%d asked, %,d ticks behind schedule) | %,.0f ms "
                            + "| – | – | ≤ 1,500 ms at 200/s | %s |%n",
                    lag.achievedRate(), lag.targetRate(), lag.behindSchedule(), p99,
                    p99 <= 1500 && lag.achievedRate() >= 200 ? "yes" : "no"));
        }
        md.append('\n');
        if (commands != null && memory != null) {
            memory.samples().stream().filter(sample -> sample.phase().equals(Bench.COMMAND_PHASE)).findFirst()
                    .ifPresent(sample -> md.append(String.format(Locale.ROOT, "Where a command's time goes: during "
                                    + "the command phase command-side used %.1f CPU ms per command and query-side "
                                    + "(projecting them) %.1f CPU ms; on %d cores, command-side's CPU alone caps "
                                    + "commands at about %,.0f/s on an otherwise idle machine.%n%n",
                            1000 * sample.commandCpuSeconds() / commands.operations(),
                            1000 * sample.queryCpuSeconds() / commands.operations(),
                            Runtime.getRuntime().availableProcessors(),
                            Runtime.getRuntime().availableProcessors() * commands.operations()
                                    / sample.commandCpuSeconds())));
        }
        if (rebuild != null) {
            md.append(String.format(Locale.ROOT, "Rebuild: %,d events into %,d documents in %.1f s = %,.0f events/s "
                            + "(%,.0f documents/s); raw bulk of the same %,d documents in %.1f s. The event store's own "
                            + "read rate, alongside: %,d rows streamed over JDBC in %.1f s = **%,.0f events/s** "
                            + "(the rebuild reaches %.0f %% of it). The ratio above compares the time to the same "
                            + "final index; counted per event instead (each event is one fold into a document), the "
                            + "rebuild's events/s are %.2f of the raw bulk's documents/s.%n%n",
                    rebuild.events(), rebuild.documents(), rebuild.rebuildSeconds(), rebuild.rebuildEventsPerSecond(),
                    rebuild.rebuildDocumentsPerSecond(), rebuild.documents(), rebuild.bulkSeconds(), rebuild.storeRows(),
                    rebuild.storeReadSeconds(), rebuild.storeRowsPerSecond(),
                    100 * rebuild.rebuildEventsPerSecond() / rebuild.storeRowsPerSecond(),
                    rebuild.rebuildEventsPerSecond() / rebuild.bulkDocumentsPerSecond()));
        }
        if (rebuildSeeding != null) {
            md.append(String.format(Locale.ROOT, "Seeding for the rebuild: %,d events (%,d new models) appended "
                            + "inside PostgreSQL in %.1f s = %,.0f events/s, with both apps stopped; they started again "
                            + "with every processor's token at the new head, so no live processor (catalogue, review "
                            + "queue, audit trail, integrity, mail, webhooks, sync) replayed the copies, and the rebuild "
                            + "alone read them.%n%n",
                    rebuildSeeding.events(), rebuildSeeding.models(), rebuildSeeding.seconds(),
                    rebuildSeeding.eventsPerSecond()));
        }
        for (CatchUp catchUp : catchUps) {
            md.append(String.format(Locale.ROOT, "Live projection catching up: %,d events (%,d new models) appended "
                            + "(seeding included) were visible in the catalogue index after %.1f s = %,.0f events/s (the "
                            + "audit-trail and integrity processors ran at the same time).%n%n",
                    catchUp.events(), catchUp.models(), catchUp.seconds(), catchUp.eventsPerSecond()));
        }
        md.append("## Latency and throughput\n\n| what | rate | p50 | p99 | failed |\n|---|---|---|---|---|\n");
        latencyRow(md, "command over HTTP (closed loop)", commands);
        latencyRow(md, "raw insert + commit (closed loop)", rawInserts);
        if (lag != null) {
            latencyRow(md, String.format(Locale.ROOT, "command, %d/s asked (open loop)", lag.targetRate()),
                    lag.achievedRate(), lag.commandLatency(), lag.failures());
            latencyRow(md, "lag: command answer → catalogue document at that version (every command)",
                    lag.achievedRate(), lag.projectionLag(), lag.neverSeen());
            latencyRow(md, "lag: command answer → detail with minVersion answers (1 in 20)", Double.NaN,
                    lag.detailLag(), lag.staleDetails());
            latencyRow(md, "lag: registration answer → found by search (1 in 20)", Double.NaN, lag.searchLag(), 0);
        }
        latencyRow(md, String.format(Locale.ROOT, "search, %,d models (mix below)", searchModels), search);
        if (download != null) {
            latencyRow(md, String.format(Locale.ROOT, "download (%,d bytes)", download.bytes()), download.download());
            latencyRow(md, "static file, same bytes", download.staticFile());
            latencyRow(md, String.format(Locale.ROOT, "download, gzip (%,d bytes)", download.gzipBytes()),
                    download.downloadGzip());
        }
        md.append("\nSearch mix (as a public maintainer, who sees every model): `").append(SearchLoad.mix())
                .append("`. The failed column of the lag rows counts documents not at the version within 60 s of "
                        + "the end, and detail answers still `stale` after the server's 5 s wait.\n\n");
        if (memory != null && !memory.samples().isEmpty()) {
            md.append("## Resident memory and CPU per phase (from /proc: VmRSS now, VmHWM = peak so far; CPU = "
                    + "user + system seconds the app used during the phase)\n\n"
                    + "| phase | wall | command-side RSS | command-side peak | command-side CPU | query-side RSS "
                    + "| query-side peak | query-side CPU |\n|---|---|---|---|---|---|---|---|\n");
            for (MemoryLog.Sample sample : memory.samples()) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f s | %d MiB | %d MiB | %.1f s | %d MiB | %d MiB | %.1f s |%n",
                        sample.phase(), sample.wallSeconds(), sample.command().currentMiB(), sample.command().peakMiB(),
                        sample.commandCpuSeconds(), sample.query().currentMiB(), sample.query().peakMiB(),
                        sample.queryCpuSeconds()));
            }
            md.append('\n');
        }
        if (!notMeasured.isEmpty()) {
            md.append("## Not measured in this run\n\n");
            notMeasured.forEach((what, why) -> md.append("- ").append(what).append(": ").append(why).append('\n'));
            md.append('\n');
        }
        md.append("## Charts\n\n");
        for (String chart : charts) {
            md.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        md.append("## How each figure is taken\n\n").append(Method.TEXT);
        return md.toString();
    }

    private static void ratioRow(StringBuilder md, String what, double hub, String unit, double limit,
                                 String limitWhat, double target) {
        double ratio = hub / limit;
        md.append(String.format(Locale.ROOT, "| %s | %,.0f %s | %,.0f (%s) | **%.2f** | ≥ %.2f | %s |%n", what, hub,
                unit, limit, limitWhat, ratio, target, ratio >= target ? "yes" : "no"));
    }

    private static void latencyRow(StringBuilder md, String what, LoadResult result) {
        if (result != null) {
            latencyRow(md, what, result.perSecond(), result.latencies(), result.failures());
        }
    }

    private static void latencyRow(StringBuilder md, String what, double rate, Latencies latencies, long failed) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %d |%n", what,
                Double.isNaN(rate) ? "–" : String.format(Locale.ROOT, "%,.0f/s", rate),
                latencies.percentileMillis(50), latencies.percentileMillis(99), failed));
    }

    private List<String> writeCharts(Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        SvgBarChart ratios = new SvgBarChart("Hub vs the machine's own limit (limit = 100 %)", List.of("hub", "limit"));
        boolean any = false;
        if (commands != null && rawInserts != null) {
            ratios.group("commands/s", percentBars(commands.perSecond(), rawInserts.perSecond(), "/s"));
            any = true;
        }
        if (rebuild != null) {
            ratios.group("rebuild documents/s", percentBars(rebuild.rebuildDocumentsPerSecond(),
                    rebuild.bulkDocumentsPerSecond(), " docs/s"));
            any = true;
        }
        if (download != null) {
            ratios.group("download req/s", percentBars(download.download().perSecond(),
                    download.staticFile().perSecond(), " req/s"));
            any = true;
        }
        if (any) {
            ratios.write(dir.resolve("ratios.svg"));
            written.add("ratios.svg");
        }
        SvgBarChart latency = new SvgBarChart("Latency (ms)", List.of("p50", "p99"));
        addLatency(latency, "command (closed loop)", commands == null ? null : commands.latencies());
        addLatency(latency, "raw insert + commit", rawInserts == null ? null : rawInserts.latencies());
        addLatency(latency, "projection lag", lag == null ? null : lag.projectionLag());
        addLatency(latency, "lag to detail (minVersion)", lag == null ? null : lag.detailLag());
        addLatency(latency, "lag to search", lag == null ? null : lag.searchLag());
        addLatency(latency, "search", search == null ? null : search.latencies());
        addLatency(latency, "download", download == null ? null : download.download().latencies());
        addLatency(latency, "static file", download == null ? null : download.staticFile().latencies());
        latency.marker(1500, "lag target 1.5 s");
        latency.write(dir.resolve("latency.svg"));
        written.add("latency.svg");
        if (memory != null && !memory.samples().isEmpty()) {
            SvgBarChart rss = new SvgBarChart("Peak resident memory so far (MiB)", List.of("command-side", "query-side"));
            for (MemoryLog.Sample sample : memory.samples()) {
                rss.group("after " + sample.phase(), List.of(
                        new SvgBarChart.Bar("command-side", sample.command().peakMiB(), sample.command().peakMiB() + " MiB"),
                        new SvgBarChart.Bar("query-side", sample.query().peakMiB(), sample.query().peakMiB() + " MiB")));
            }
            rss.write(dir.resolve("memory.svg"));
            written.add("memory.svg");
        }
        return written;
    }

    private static List<SvgBarChart.Bar> percentBars(double hub, double limit, String unit) {
        return List.of(
                new SvgBarChart.Bar("hub", 100 * hub / limit,
                        String.format(Locale.ROOT, "%.0f %% (%,.0f%s)", 100 * hub / limit, hub, unit)),
                new SvgBarChart.Bar("limit", 100, String.format(Locale.ROOT, "100 %% (%,.0f%s)", limit, unit)));
    }

    private static void addLatency(SvgBarChart chart, String what, Latencies latencies) {
        if (latencies == null || latencies.count() == 0) {
            return;
        }
        double p50 = latencies.percentileMillis(50);
        double p99 = latencies.percentileMillis(99);
        chart.group(what, List.of(new SvgBarChart.Bar("p50", p50, String.format(Locale.ROOT, "%.1f ms", p50)),
                new SvgBarChart.Bar("p99", p99, String.format(Locale.ROOT, "%.1f ms", p99))));
    }
}
