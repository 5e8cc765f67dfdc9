package io.xinference.hub.faults.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.devstack.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Three Elasticsearch nodes as local processes, from the distribution {@code ./hub} unpacked and runs for the test
 * services (as the unprivileged service user when the tests run as root), forming one cluster on loopback ports of
 * their own. Each node keeps its data folder across a kill and a restart. Closing stops every node still running.
 */
final class ElasticsearchCluster implements AutoCloseable {

    /** An idle machine starts the three in about 40 s; a loaded 2-core one took over 2 minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String HEAP = "-Xms320m -Xmx320m";

    private final Path root;
    private final List<Node> nodes = new ArrayList<>();
    private final HubHttp http = new HubHttp();

    record Node(String name, int httpPort, int transportPort, Path home) {
        String url() {
            return "http://127.0.0.1:" + httpPort;
        }

        Path pidFile() {
            return home.resolve("pid");
        }
    }

    private ElasticsearchCluster(Path root, int size) {
        this.root = root;
        for (int i = 1; i <= size; i++) {
            nodes.add(new Node("node-" + i, freePort(), freePort(), root.resolve("node-" + i)));
        }
    }

    /** Creates the nodes' folders afresh and starts all of them; returns once the cluster is green. */
    static ElasticsearchCluster startThreeNodes(Path root) {
        ElasticsearchCluster cluster = new ElasticsearchCluster(root, 3);
        cluster.prepare();
        try {
            cluster.nodes.forEach(cluster::start);
            cluster.awaitHealth("green", 3);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    /** Every node's URL, comma-separated, as {@code HUB_ES_URL} takes them. */
    String urls() {
        return nodes.stream().map(Node::url).collect(Collectors.joining(","));
    }

    Node node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
    }

    /** The elected master's node name, as a node that is up answers. */
    String master() {
        for (Node node : nodes) {
            HubHttp.Answer answer = http.get(node.url() + "/_cat/master?h=node&format=json", null);
            if (answer.status() == 200 && answer.body().isArray() && !answer.body().isEmpty()) {
                return answer.body().get(0).path("node").asText();
            }
        }
        throw new IllegalStateException("no node names a master");
    }

    /** SIGKILL: the node's JVM dies at once, as in a machine or process crash. */
    void kill(Node node) {
        pid(node).flatMap(ProcessHandle::of).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    void start(Node node) {
        List<String> command = new ArrayList<>();
        TestServices.serviceUser().ifPresent(user -> command.addAll(List.of("runuser", "-u", user, "--")));
        String home = TestServices.elasticsearchHome();
        command.addAll(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_PATH_CONF=" + node.home().resolve("config"), "ES_JAVA_OPTS=" + HEAP,
                home + "/bin/elasticsearch", "-p", node.pidFile().toString(),
                "-E", "cluster.name=hub-faults-three-nodes",
                "-E", "node.name=" + node.name(),
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + node.httpPort(),
                "-E", "transport.port=" + node.transportPort(),
                "-E", "discovery.seed_hosts=" + nodes.stream().map(n -> "127.0.0.1:" + n.transportPort())
                        .collect(Collectors.joining(",")),
                "-E", "cluster.initial_master_nodes=" + nodes.stream().map(Node::name)
                        .collect(Collectors.joining(",")),
                "-E", "path.data=" + node.home().resolve("data"),
                "-E", "path.logs=" + node.home().resolve("logs"),
                "-E", "xpack.security.enabled=false",
                "-E", "xpack.ml.enabled=false",
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "action.destructive_requires_name=false"));
        try {
            Files.deleteIfExists(node.pidFile());
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(node.home().resolve("console.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Elasticsearch " + node.name(), e);
        }
    }

    /** Waits until the cluster reports {@code status} (or better) with {@code nodes} nodes. */
    JsonNode awaitHealth(String status, int nodeCount) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (Node node : nodes) {
                HubHttp.Answer answer = http.get(node.url() + "/_cluster/health?wait_for_status=" + status
                        + "&wait_for_nodes=" + nodeCount + "&timeout=2s", null);
                if (answer.status() == 200 && !answer.body().path("timed_out").asBoolean(true)) {
                    return answer.body();
                }
            }
            Projections.sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the cluster did not become " + status + " with " + nodeCount
                + " nodes within " + START_TIMEOUT + "; logs in " + root);
    }

    /** A request to one node (e.g. a count that only that node's shard copies answer). */
    HubHttp.Answer send(Node node, String method, String path, String json) {
        return http.send(HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(HubHttp.TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private void prepare() {
        try {
            if (Files.exists(root)) {
                try (Stream<Path> old = Files.walk(root)) {
                    old.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
                }
            }
            Path config = Path.of(TestServices.elasticsearchHome(), "config");
            for (Node node : nodes) {
                Files.createDirectories(node.home().resolve("data"));
                Files.createDirectories(node.home().resolve("logs"));
                // each node its own config folder: Elasticsearch writes its keystore there
                try (Stream<Path> files = Files.walk(config)) {
                    for (Path source : files.toList()) {
                        Path target = node.home().resolve("config").resolve(config.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Optional<String> user = TestServices.serviceUser();
            if (user.isPresent()) {
                run("chown", "-R", user.get(), root.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the nodes' folders in " + root, e);
        }
    }

    private static Optional<Long> pid(Node node) {
        try {
            return Files.exists(node.pidFile())
                    ? Optional.of(Long.parseLong(Files.readString(node.pidFile()).trim())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) {
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every node that still runs (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        for (Node node : nodes) {
            pid(node).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        }
        for (Node node : nodes) {
            pid(node).flatMap(ProcessHandle::of).ifPresent(process -> {
                try {
                    process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            });
        }
    }
}
