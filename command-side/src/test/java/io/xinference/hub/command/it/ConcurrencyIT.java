package io.xinference.hub.command.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fifty writers at once, through the whole stack (HTTP, Axon, PostgreSQL): exactly one wins, nothing is lost. */
class ConcurrencyIT extends CommandSideIT {

    private static final int WRITERS = 50;

    @Test
    void ofFiftySimultaneousRegistrationsOfOneNameExactlyOneSucceeds() throws Exception {
        String name = uniqueName("Contested");
        String token = token("alice");
        // letter case differs between writers: uniqueness ignores it
        List<Api.Answer> answers = all(writer -> () -> api().call("POST", "/api/registry/models").token(token)
                .json(registration("rerank", "PRIVATE", fixtureNamed("rerank",
                        writer % 2 == 0 ? name : name.toLowerCase()))).send());

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409)
                .hasSize(WRITERS - 1)
                .allSatisfy(answer -> assertThat(answer.body().path("type").asText()).endsWith("name-taken"));
        // the name's aggregate in the event store holds exactly one claim
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, "model-name:" + name.toLowerCase())).singleElement().asString()
                .endsWith("ModelNameClaimed");
    }

    @Test
    void ofFiftySimultaneousUpdatesOnOneVersionExactlyOneSucceedsAndNoEventIsLost() throws Exception {
        Api.Answer registered = register("alice", "llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq")));
        String id = registered.body().path("modelId").asText();
        String token = token("alice");

        List<Api.Answer> answers = all(writer -> () -> api().call("PUT", "/api/registry/models/" + id + "/readme")
                .token(token).header("If-Match", "\"0\"").json(Map.of("readme", "# writer " + writer)).send());

        List<Integer> accepted = IntStream.range(0, WRITERS).filter(i -> answers.get(i).status() == 200).boxed().toList();
        assertThat(accepted).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(412, 409));
        // every acknowledged change is stored, in an unbroken sequence
        assertThat(sequenceNumbers(id)).containsExactly(0L, 1L);
        String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 1", String.class, id);
        assertThat(Api.JSON.readTree(stored).path("readme").asText()).isEqualTo("# writer " + accepted.get(0));
        assertThat(answers.get(accepted.get(0)).body().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void fiftySimultaneousUpdatesWithoutIfMatchAreAllStoredInOrder() throws Exception {
        Api.Answer registered = register("alice", "llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq")));
        String id = registered.body().path("modelId").asText();
        String token = token("alice");

        List<Api.Answer> answers = all(writer -> () -> api().call("PUT", "/api/registry/models/" + id + "/readme")
                .token(token).json(Map.of("readme", "# writer " + writer)).send());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(answers).extracting(answer -> answer.body().path("version").asLong())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, WRITERS).mapToObj(Long::valueOf).toList());
        assertThat(sequenceNumbers(id)).hasSize(WRITERS + 1);
    }

    /** Starts all writers together and waits for every answer. */
    private static List<Api.Answer> all(IntFunction<Callable<Api.Answer>> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> futures = IntStream.range(0, WRITERS).mapToObj(index -> pool.submit(() -> {
                start.await();
                return writer.apply(index).call();
            })).toList();
            start.countDown();
            List<Api.Answer> answers = new java.util.ArrayList<>();
            for (Future<Api.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
