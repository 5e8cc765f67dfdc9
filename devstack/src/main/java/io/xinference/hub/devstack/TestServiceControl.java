package io.xinference.hub.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts PostgreSQL or Elasticsearch of the running test services, for fault tests. It runs the command
 * prefix that {@code ./hub test} and {@code ./hub test-env} export as {@code HUB_TEST_SERVICE_CONTROL}
 * ({@code <repo>/hub test-service --instance <state dir>}, words separated by spaces), followed by the action and
 * the service. A started service comes back on the same port with the same data; starting a running one only
 * waits until it is ready, so a test's clean-up may always call {@link #start}.
 */
public final class TestServiceControl {

    public static final String VARIABLE = "HUB_TEST_SERVICE_CONTROL";
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    public enum Service {
        POSTGRES("postgres"), ELASTICSEARCH("elasticsearch"), KEYCLOAK("keycloak");

        private final String scriptName;

        Service(String scriptName) {
            this.scriptName = scriptName;
        }
    }

    private final List<String> prefix;

    private TestServiceControl(List<String> prefix) {
        this.prefix = prefix;
    }

    /** The control of the current test services; fails with what to run when the variable is missing. */
    public static TestServiceControl forTestServices() {
        String command = Optional.ofNullable(System.getenv(VARIABLE)).filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException(VARIABLE + " is not set: fault tests stop and start the"
                        + " services that './hub test' starts (or run 'eval \"$(./hub test-env)\"' again after"
                        + " './hub test-env stop' so the env file has it)"));
        return new TestServiceControl(Arrays.asList(command.trim().split("\\s+")));
    }

    /** Stops the service (PostgreSQL: fast shutdown; Elasticsearch, Keycloak: SIGTERM) and returns once it has exited. */
    public void stop(Service service) {
        run("stop", service);
    }

    /** Starts the service on its port with its data and returns once it is ready (also when it already ran). */
    public void start(Service service) {
        run("start", service);
    }

    public void restart(Service service) {
        run("restart", service);
    }

    private void run(String action, Service service) {
        List<String> command = new ArrayList<>(prefix);
        command.add(action);
        command.add(service.scriptName);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // the script's progress lines; read fully so the process never blocks on a full pipe
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + TIMEOUT);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue()
                        + ":\n" + text);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
