package io.xinference.hub.faults.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side's scale-out where it can run without Docker: the hub on a three-node Elasticsearch cluster (one
 * replica per shard, {@code HUB_ES_REPLICAS=1}, the shape of {@code docker/compose.yaml}), the nodes local
 * processes of the distribution {@code ./hub} uses. Under a steady write load the elected master is killed with
 * SIGKILL: the projections keep advancing on the two nodes left, searches keep answering, and once the node is
 * back and the cluster green again every acknowledged version is in the catalogue, every shard has both copies,
 * and each node's copies hold the same documents.
 */
class ElasticsearchClusterIT {

    private static final Duration NODE_DOWN = Duration.ofSeconds(20);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);
    private static final String[] GROUPS = {"catalogue", "review-queue", "audit-trail"};

    private static ElasticsearchCluster cluster;
    private static HubStack stack;
    private static HubAppProcess command;
    private static HubAppProcess query;
    private final HubHttp http = new HubHttp();

    @BeforeAll
    static void startClusterAndHub() {
        cluster = ElasticsearchCluster.startThreeNodes(Path.of("target", "es-cluster").toAbsolutePath());
        stack = HubStack.create("es_cluster")
                .with("HUB_ES_URL", cluster.urls())
                .with("HUB_ES_REPLICAS", "1");
        command = stack.start(HubApp.COMMAND_SIDE, "command");
        query = stack.start(HubApp.QUERY_SIDE, "query");
    }

    @AfterAll
    static void stopAll() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void projectionsAndSearchesCarryOnWhenANodeIsKilledAndNothingIsLostOnceGreen() {
        ElasticsearchCluster.Node victim = cluster.node(cluster.master());
        ElasticsearchCluster.Node survivor = cluster.nodes().stream().filter(node -> node != victim).findFirst()
                .orElseThrow();
        Projections projections = new Projections(http, query.baseUrl(), stack.indexPrefix(), survivor.url());
        String catalogue = stack.indexPrefix() + "catalogue";
        JsonNode settings = cluster.send(survivor, "GET", "/" + catalogue + "/_settings", null).body();
        assertThat(settings.findValue("number_of_replicas").asText()).as("replicas of the live index").isEqualTo("1");

        List<HubHttp.Answer> searches = new CopyOnWriteArrayList<>();
        ScheduledExecutorService searcher = Executors.newSingleThreadScheduledExecutor();
        searcher.scheduleWithFixedDelay(() -> searches.add(http.get(query.baseUrl()
                + "/api/catalogue/models?q=cluster&size=20", null)), 0, 500, TimeUnit.MILLISECONDS);
        WriteLoad load = new WriteLoad(http, command.baseUrl(), () -> stack.tokens().accessToken("alice"),
                "es-cluster", 3, 2, Duration.ofMillis(100)).start();
        Instant killed;
        int searchesBefore;
        int searchesWhileDown;
        long projectedWhileDown;
        try {
            Projections.sleep(Duration.ofSeconds(8));
            searchesBefore = searches.size();
            cluster.kill(victim);
            killed = Instant.now();
            // the projections keep advancing on the surviving copies: models registered after the kill show up
            Projections.sleep(NODE_DOWN);
            Map<String, Long> projected = projections.catalogueVersions();
            Instant killedAt = killed;
            projectedWhileDown = load.sent().stream().filter(s -> s.kind() == WriteLoad.Kind.REGISTER
                    && s.answer().ok() && s.sentAt().isAfter(killedAt) && projected.containsKey(s.modelId())).count();
            searchesWhileDown = searches.size() - searchesBefore;
            cluster.start(victim);
            cluster.awaitHealth("green", 3);
        } finally {
            load.stop();
            searcher.shutdownNow();
        }
        Duration down = Duration.between(killed, Instant.now());
        List<WriteLoad.Sent> sent = load.sent();
        Map<String, Long> acked = load.ackedVersions();
        List<WriteLoad.Sent> failedCommands = sent.stream().filter(s -> !s.answer().ok()).toList();
        List<HubHttp.Answer> failedSearches = searches.stream().filter(answer -> answer.status() != 200).toList();

        Instant deadline = Instant.now().plus(CATCH_UP_LIMIT);
        long missing = projections.missing(acked);
        while (missing > 0 && Instant.now().isBefore(deadline)) {
            Projections.sleep(Duration.ofSeconds(1));
            missing = projections.missing(acked);
        }
        JsonNode health = cluster.awaitHealth("green", 3);
        // every acknowledged version is in the catalogue now, but a segment's token moves only with its next
        // batch: the lag read at this instant can still count the last event; it must come down to 0
        JsonNode status = projections.status(stack.tokens().accessToken("adam"));
        Instant lagDeadline = Instant.now().plus(Duration.ofSeconds(60));
        while (anyLag(status) && Instant.now().isBefore(lagDeadline)) {
            Projections.sleep(Duration.ofSeconds(1));
            status = projections.status(stack.tokens().accessToken("adam"));
        }
        Map<String, Long> perNode = new java.util.LinkedHashMap<>();
        for (ElasticsearchCluster.Node node : cluster.nodes()) {
            // each node answers from its own shard copies where it holds one (primary or replica)
            perNode.put(node.name(), cluster.send(node, "GET", "/" + catalogue + "/_count?preference=_local",
                    null).body().path("count").asLong(-1));
        }
        long documents = cluster.send(survivor, "GET", "/" + catalogue + "/_count", null).body().path("count")
                .asLong(-1);

        System.out.printf("%n[ElasticsearchClusterIT] killed %s (the master) with SIGKILL; back and green after %d s;"
                        + " commands sent %d, failed %d; models %d, %d of them projected while the node was down;"
                        + " searches %d (%d while down), failed %d; missing after catch-up %d; documents %d, per"
                        + " node %s; health %s%n%n",
                victim.name(), down.toSeconds(), sent.size(), failedCommands.size(), acked.size(),
                projectedWhileDown, searches.size(), searchesWhileDown, failedSearches.size(), missing, documents,
                perNode, health.path("status").asText());

        assertThat(failedCommands).as("commands answered other than 2xx").isEmpty();
        assertThat(searchesWhileDown).as("searches sent while the node was down").isPositive();
        assertThat(failedSearches).as("searches answered other than 200").isEmpty();
        assertThat(projectedWhileDown).as("models projected while a node was down").isPositive();
        assertThat(missing).as("acknowledged versions missing from the catalogue after catch-up").isZero();
        assertThat(health.path("unassigned_shards").asInt()).isZero();
        assertThat(health.path("active_shards").asInt()).as("every shard with its replica")
                .isEqualTo(2 * health.path("active_primary_shards").asInt());
        assertThat(documents).isGreaterThanOrEqualTo(acked.size());
        assertThat(perNode.values()).as("every node's copies hold the same documents").containsOnly(documents);
        for (String group : GROUPS) {
            JsonNode projection = Projections.group(status, group);
            assertThat(projection.path("parkedSequences").asLong()).as(group + ": a lost node is not a poison event")
                    .isZero();
            assertThat(projection.path("running").asBoolean()).as(group + " running").isTrue();
            assertThat(projection.path("lag").path("eventsBehind").asLong()).as(group + " lag").isZero();
        }
    }

    private static boolean anyLag(JsonNode status) {
        for (String group : GROUPS) {
            if (Projections.group(status, group).path("lag").path("eventsBehind").asLong() != 0) {
                return true;
            }
        }
        return false;
    }
}
