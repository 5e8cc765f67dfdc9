package io.xinference.hub.devstack.bench;


import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmark suite's entry point, started by {@code ./hub bench} against a stack of its own. Runs each phase,
 * notes a phase that fails instead of stopping, and writes {@code report.md} with its charts.
 */
public final class Bench {

    static final String COMMAND_PHASE = "commands over HTTP";

    private final BenchSettings settings;
    private final String run = Long.toString(System.currentTimeMillis() / 1000, 36);
    private final BenchTokens tokens;
    private final HubClient hub;
    private final Elasticsearch elasticsearch;
    private final RawEventInserts database;
    private final BenchReport report = new BenchReport();
    private final CommandMix commandMix;

    private Bench(BenchSettings settings) {
        this.settings = settings;
        this.tokens = new BenchTokens(settings.keycloakUrl());
        this.hub = new HubClient(settings.commandUrl(), settings.queryUrl());
        this.elasticsearch = new Elasticsearch(settings.elasticsearchUrl());
        this.database = new RawEventInserts(settings.jdbcUrl());
        this.commandMix = new CommandMix(hub, tokens, run);
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            new Bench(BenchSettings.fromSystemProperties()).runAll();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // a failed phase can leave client threads behind: they must not keep the run (and the stack) alive
        System.exit(status);
    }

    private interface Phase {
        void run() throws Exception;
    }

    private void runAll() throws Exception {
        long started = System.nanoTime();
        report.settings = settings;
        report.command = System.getProperty("bench.command", "./hub bench");
        report.memory = new MemoryLog(settings.commandPid(), settings.queryPid());
        report.memory.sample("app start-up");
        for (String user : List.of("alice", "bob", "paula", "adam")) {
            tokens.accessToken(user);
        }
        phase("download vs static file", this::download);
        phase(COMMAND_PHASE, this::commands);
        phase("raw inserts", this::rawInserts);
        phase("projection lag", this::lag);
        phase("search", this::search);
        phase("catalogue rebuild", this::rebuild);
        report.runSeconds = (System.nanoTime() - started) / 1e9;
        report.write(settings.outputDir());
        Progress.say("report: %s", settings.outputDir().resolve("report.md").toAbsolutePath());
    }

    private void phase(String name, Phase phase) {
        String only = System.getProperty("bench.phases", "");
        if (!only.isBlank() && !List.of(only.split(",")).contains(name)) {
            report.notMeasured.put(name, "left out (bench.phases=" + only + ")");
            return;
        }
        Progress.say("== %s", name);
        try {
            phase.run();
        } catch (Exception | Error e) {
            Progress.say("%s failed: %s", name, e);
            e.printStackTrace();
            report.notMeasured.put(name, "the phase failed: " + e);
        }
        report.memory.sample(name);
    }

    private void download() throws Exception {
        DownloadVsStatic download = new DownloadVsStatic(hub, tokens, run, settings.staticDir());
        Progress.say("registering %d public LLM models through the command API", settings.downloadEntries());
        download.registerEntries(settings.downloadEntries(), settings.clients());
        report.download = download.run(settings.downloadEntries(), settings.clients(), settings.seconds());
    }

    private void commands() throws Exception {
        Progress.say("commands over HTTP: %d clients for %d s", settings.clients(), settings.seconds());
        report.commands = commandMix.run(settings.clients(), settings.seconds());
        Progress.say("  %s", report.commands.summary());
    }

    private void rawInserts() throws Exception {
        List<String> ids = commandMix.models().stream().map(model -> model.id).toList();
        List<StoredEvent> rows = database.eventsOf(ids, 20_000);
        Progress.say("raw inserts of the same %,d event rows: %d clients for %d s", rows.size(), settings.clients(),
                settings.seconds());
        report.rawInserts = database.run(rows, settings.clients(), settings.seconds());
        report.rawInsertRows = rows.size();
        database.dropTable();
        Progress.say("  %s", report.rawInserts.summary());
    }

    private void lag() throws Exception {
        Progress.say("steady load: %d commands/s for %d s", settings.lagRate(), settings.lagSeconds());
        report.lag = new ProjectionLag(hub, tokens, elasticsearch, settings.indexPrefix() + "catalogue", run,
                commandMix.models()).run(settings.lagRate(), settings.lagSeconds());
        Progress.say("  %,.0f commands/s achieved; projection lag %s; detail %s; search %s", report.lag.achievedRate(),
                report.lag.projectionLag().summary(), report.lag.detailLag().summary(), report.lag.searchLag().summary());
    }

    private EventSeeder registrationSeeder;
    private EventSeeder historySeeder;

    /** Copies of the command phase's registrations only: one event per model, for many models fast. */
    private EventSeeder registrationSeeder() {
        if (registrationSeeder == null) {
            registrationSeeder = seederOf(commandMix.models(), "r", true);
        }
        return registrationSeeder;
    }

    /** Copies of every model of the command phase, with their updates: the event mix the commands made. */
    private EventSeeder historySeeder() {
        if (historySeeder == null) {
            historySeeder = seederOf(commandMix.models(), "h", false);
        }
        return historySeeder;
    }

    private EventSeeder seederOf(List<OwnedModel> templates, String tag, boolean registrationsOnly) {
        if (templates.isEmpty()) {
            throw new IllegalStateException("no models from the command phase to copy");
        }
        return new EventSeeder(database, templates.stream().map(model -> model.id).toList(), tag, registrationsOnly);
    }

    private void search() throws Exception {
        long models = catalogueDocuments();
        if (models < settings.searchModels()) {
            EventSeeder seeder = registrationSeeder();
            seedAndCatchUp(seeder, (int) Math.ceil((settings.searchModels() - models) / (double) seeder.modelsPerCopy()));
        }
        report.searchModels = catalogueDocuments();
        Progress.say("search over %,d models: %d clients for %d s", report.searchModels, settings.clients(),
                settings.seconds());
        report.search = new SearchLoad(hub, tokens).run(settings.clients(), settings.seconds());
        Progress.say("  %s", report.search.summary());
    }

    private void rebuild() throws Exception {
        long events = storedEvents();
        if (events < settings.rebuildEvents()) {
            EventSeeder seeder = historySeeder();
            int copies = (int) Math.ceil((settings.rebuildEvents() - events) / (double) seeder.eventsPerCopy());
            if (settings.canRestartApps()) {
                seedWithAppsStopped(seeder, copies);
            } else {
                seedAndCatchUp(seeder, copies);
            }
        }
        report.rebuild = new CatalogueRebuild(hub, tokens, elasticsearch, database, settings.outputDir()).run();
    }

    /**
     * Seeds with both apps stopped, then starts them with every processor's token at the new head. The live
     * processors would otherwise replay every copy (at a few hundred events/s, an hour for a million events) and
     * compete with the rebuild for the same cores; the rebuild reads the store from the start anyway.
     */
    private void seedWithAppsStopped(EventSeeder seeder, int copies) throws Exception {
        Progress.say("seeding %d copies of %d models (%,d events per copy) with both apps stopped", copies,
                seeder.modelsPerCopy(), seeder.eventsPerCopy());
        AppProcess query = new AppProcess("query-side", settings.queryPid(), settings.queryPidFile(),
                settings.queryUrl());
        AppProcess command = new AppProcess("command-side", settings.commandPid(), settings.commandPidFile(),
                settings.commandUrl());
        query.stop();
        command.stop();
        long started = System.nanoTime();
        long appended = seeder.addCopies(copies);
        report.rebuildSeeding = new CatchUp(appended, (long) copies * seeder.modelsPerCopy(),
                (System.nanoTime() - started) / 1e9);
        int tokens = database.moveProcessorTokensToHead();
        Progress.say("  seeded %,d events in %.1f s; %d processor tokens moved to the head", appended,
                report.rebuildSeeding.seconds(), tokens);
        command.start();
        query.start();
        report.memory.restarted(command.pid(), query.pid());
    }

    private void seedAndCatchUp(EventSeeder seeder, int copies) throws Exception {
        long before = catalogueDocuments();
        long expected = before + (long) copies * seeder.modelsPerCopy();
        Progress.say("seeding %d copies of %d models (%,d events per copy)", copies, seeder.modelsPerCopy(),
                seeder.eventsPerCopy());
        long started = System.nanoTime();
        long appended = seeder.addCopies(copies);
        long lastSay = 0;
        long deadline = started + 6L * 60 * 1_000_000_000L;
        while (catalogueDocuments() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the catalogue did not catch up within 6 minutes");
            }
            Thread.sleep(1000);
            if (System.nanoTime() - lastSay > 5_000_000_000L) {
                lastSay = System.nanoTime();
                Progress.say("  live projection catching up: %,d / %,d models in the catalogue index",
                        catalogueDocuments(), expected);
            }
        }
        CatchUp catchUp = new CatchUp(appended, expected - before, (System.nanoTime() - started) / 1e9);
        report.catchUps.add(catchUp);
        Progress.say("  caught up: %,d events in %.1f s = %,.0f events/s", appended, catchUp.seconds(),
                catchUp.eventsPerSecond());
    }

    private long catalogueDocuments() {
        elasticsearch.post("/" + settings.indexPrefix() + "catalogue/_refresh");
        return elasticsearch.get("/" + settings.indexPrefix() + "catalogue/_count").path("count").asLong();
    }

    private long storedEvents() throws Exception {
        try (Connection connection = database.connect(); Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
