package io.xinference.hub.command.it;

import io.xinference.hub.command.CommandSideApplication;
import io.xinference.hub.devstack.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one event store: their in-process aggregate locks do not see each other, so the event
 * store's unique (aggregate, sequence number) decides. Exactly one of fifty writers on one version wins; the
 * others get 412 (their instance saw the new version) or 409 (their commit lost the race); no event is lost.
 */
class TwoInstancesConcurrencyIT extends CommandSideIT {

    private static final int WRITERS = 50;
    private static ConfigurableApplicationContext secondInstance;

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestServices.jdbcUrl("hub_command_it"),
                "--spring.datasource.username=" + TestServices.DB_USER,
                "--spring.datasource.password=" + TestServices.DB_PASSWORD,
                "--hub.security.issuer-uri=" + TestServices.issuerUri(),
                "--db-scheduler.polling-interval=1h");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void ofFiftyWritersOnOneVersionAcrossTwoInstancesExactlyOneWins() throws Exception {
        Api.Answer registered = register("alice", "llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq")));
        String id = registered.body().path("modelId").asText();
        String token = token("alice");
        Api first = api();
        Api second = new Api("http://127.0.0.1:" + secondInstance.getEnvironment().getProperty("local.server.port"));

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Api.Answer> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                Api instance = writer % 2 == 0 ? first : second;
                String readme = "# writer " + writer;
                futures.add(pool.submit(() -> {
                    start.await();
                    return instance.call("PUT", "/api/registry/models/" + id + "/readme").token(token)
                            .header("If-Match", "\"0\"").json(Map.of("readme", readme)).send();
                }));
            }
            start.countDown();
            for (Future<Api.Answer> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(409, 412));
        assertThat(sequenceNumbers(id)).containsExactly(0L, 1L);
    }
}
