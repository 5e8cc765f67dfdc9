package io.xinference.hub.devstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the apps as a process of this machine, stopped and started again with its own command line, environment
 * and working directory (read from /proc before it stops). The new pid goes into the pid file the stack's
 * scripts stop it by.
 */
final class AppProcess {

    private final String name;
    private final Path pidFile;
    private final String healthUrl;
    private long pid;
    private List<String> commandLine;
    private Map<String, String> environment;
    private Path workingDirectory;

    AppProcess(String name, long pid, Path pidFile, String baseUrl) {
        this.name = name;
        this.pid = pid;
        this.pidFile = pidFile;
        this.healthUrl = baseUrl + "/actuator/health";
    }

    long pid() {
        return pid;
    }

    void stop() throws Exception {
        Path proc = Path.of("/proc", Long.toString(pid));
        commandLine = List.of(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8).split("\0"));
        environment = new LinkedHashMap<>();
        for (String entry : Files.readString(proc.resolve("environ"), StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        workingDirectory = Files.readSymbolicLink(proc.resolve("cwd"));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is gone"));
        process.destroy();
        process.onExit().get(2, TimeUnit.MINUTES);
        Progress.say("  %s stopped (pid %d)", name, pid);
    }

    void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(commandLine)).directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(pidFile.getParent().resolveSibling("logs")
                        .resolve(name + ".log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        pid = builder.start().pid();
        Files.writeString(pidFile, Long.toString(pid));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(healthUrl))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("\"UP\"")) {
                    Progress.say("  %s started again (pid %d)", name, pid);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " did not come up again within 4 minutes");
    }
}
