package io.xinference.hub.faults.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/** The two executable jars the reactor built; the fault tests run each as its own JVM. */
public enum HubApp {

    COMMAND_SIDE("command-side", "hub.commandSideJar", "HUB_COMMAND_PORT"),
    QUERY_SIDE("query-side", "hub.querySideJar", "HUB_QUERY_PORT");

    private final String moduleName;
    private final String jarProperty;
    private final String portVariable;

    HubApp(String moduleName, String jarProperty, String portVariable) {
        this.moduleName = moduleName;
        this.jarProperty = jarProperty;
        this.portVariable = portVariable;
    }

    public String moduleName() {
        return moduleName;
    }

    /** The environment variable the app's {@code server.port} reads. */
    String portVariable() {
        return portVariable;
    }

    /** Failsafe passes the jar's path (see this module's pom); the module must have been packaged first. */
    Path jar() {
        String configured = System.getProperty(jarProperty);
        Path jar = configured != null ? Path.of(configured)
                : Path.of("..", moduleName, "target", moduleName + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package " + moduleName + " first"
                    + " (the reactor does it before this module: ./mvnw -pl fault-tests -am verify)");
        }
        return jar;
    }
}
