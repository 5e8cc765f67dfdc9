package io.xinference.hub.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./hub} fetches PostgreSQL, Elasticsearch, Keycloak and GreenMail as Maven artifacts. With {@code HOME} set
 * to another folder than the account's (as {@code sudo -E}, some CI runners and containers do), Maven still keeps
 * its repository under Java's {@code user.home}, so a script that looked in {@code $HOME/.m2} found nothing and
 * {@code ./hub up} stopped at "unpacking PostgreSQL" ({@code unzip: cannot find or open}). The script's
 * {@code mvn_fetch}, run here as {@code ./hub} runs it, must hand back a file that exists.
 */
class HubArtifactFetchTest {

    @Test
    void anArtifactIsFoundWhereverHomePoints(@TempDir Path home, @TempDir Path dist) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder script = new ProcessBuilder("bash", "-c", """
                set -euo pipefail
                source devstack/bin/common.sh
                source devstack/bin/services.sh
                mvn_fetch "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"
                """).directory(root.toFile());
        Map<String, String> env = script.environment();
        env.put("HOME", home.toString());
        env.put("HUB_ROOT", root.toString());
        env.put("MVN", root.resolve("mvnw").toString());
        env.put("DIST_DIR", dist.toString());
        // the wrapper keeps its own Maven under $HOME/.m2 too: point it at the one already here, not a new download
        env.put("MAVEN_USER_HOME", Path.of(System.getProperty("user.home"), ".m2").toString());
        Path log = home.resolve("maven.log");
        script.redirectError(log.toFile());
        Process process = script.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(log);

        assertThat(process.exitValue()).as(err).isZero();
        Path artifact = Path.of(out);
        assertThat(artifact).as("the path mvn_fetch answered (stderr: %s)", err).isRegularFile();
        assertThat(Files.size(artifact)).isPositive();
        assertThat(artifact.startsWith(dist)).as("copied to the folder the script names").isTrue();
        assertThat(home.resolve(".m2")).as("nothing looked for or written under $HOME/.m2").doesNotExist();
    }
}
