package io.xinference.hub.events.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelType;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepositorySyncEventSerializationTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void everySyncEventSurvivesAJsonRoundTripAsTheEventStoreWritesIt() throws Exception {
        List<RepositorySyncEvent> events = List.of(
                new RepositorySyncRequested("m-1", "QwQ-32B", ModelType.LLM, RepositoryChange.ADD_OR_REPLACE,
                        "ModelApproved", new Actor("s-1", "rita")),
                new RepositorySyncPullRequestOpened("m-1", "QwQ-32B", ModelType.LLM, "xorbitsai/inference", 42,
                        "https://github.com/xorbitsai/inference/pull/42", "chore/models-sync/qwq-32b", "FEAT"),
                new RepositorySyncPullRequestUpdated("m-1", "QwQ-32B", ModelType.LLM, "xorbitsai/inference", 42,
                        "https://github.com/xorbitsai/inference/pull/42", "chore/models-sync/qwq-32b", "ENH"),
                new RepositorySyncFailed("m-1", "QwQ-32B", ModelType.LLM, FailureKind.TRANSIENT, "503", 503, 1,
                        Instant.parse("2026-11-27T10:01:00Z")),
                new RepositorySyncRetried("m-1", "QwQ-32B", ModelType.LLM, 2),
                new RepositorySyncSkipped("m-1", "QwQ-32B", ModelType.LLM, "no GitHub token"));

        for (RepositorySyncEvent event : events) {
            String stored = json.writeValueAsString(event);
            assertThat(stored).contains("\"modelId\":\"m-1\"").contains("\"modelName\":\"QwQ-32B\"");
            assertThat(json.readValue(stored, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void everySyncEventIsRevisioned() {
        Arrays.stream(RepositorySyncEvent.class.getPermittedSubclasses()).forEach(type ->
                assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull());
    }
}
